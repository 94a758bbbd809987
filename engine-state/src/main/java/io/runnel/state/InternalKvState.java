package io.runnel.state;

import io.runnel.api.state.State;

/**
 * The engine's view of a keyed state object: besides the current key (set on the backend) it is scoped to a
 * namespace, which window operators set to the current window. States obtained without a namespace serializer
 * use {@link VoidNamespace}. After Flink's {@code InternalKvState}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 */
public interface InternalKvState<N> extends State {

    /** Sets the namespace that accesses refer to until the next call; must not be null. */
    void setCurrentNamespace(N namespace);
}
