package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.state.State;

/**
 * Applied to the state of every key of one parallel instance, from the broadcast side of a keyed broadcast
 * connection ({@code KeyedBroadcastProcessFunction.Context.applyToKeyedState}). Follows Flink's
 * {@code KeyedStateFunction}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> the key type
 * @param <S> the state type
 */
@Public
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> extends java.io.Serializable {

    /**
     * @param key a key that has an entry of the state
     * @param state the state, scoped to {@code key}
     * @throws Exception to fail the task
     */
    void process(K key, S state) throws Exception;
}
