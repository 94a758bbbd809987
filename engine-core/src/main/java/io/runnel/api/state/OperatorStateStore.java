package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.util.Set;

/**
 * The operator (non-keyed) state of one parallel instance: named lists of elements that are not tied to a key.
 * On a restore at another parallelism the lists of all old instances are redistributed: evenly split
 * ({@link #getListState}) or handed whole to every instance ({@link #getUnionListState}). After Flink's
 * {@code OperatorStateStore}.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface OperatorStateStore {

    /**
     * @return the list state of that name, created empty on first use; on restore each instance gets an even,
     *     contiguous share of all instances' elements
     * @throws IllegalStateException if the name is registered in union mode
     */
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor);

    /**
     * @return the list state of that name, created empty on first use; on restore every instance gets all
     *     instances' elements
     * @throws IllegalStateException if the name is registered in even-split mode
     */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor);

    /** @return the names of the registered list states */
    Set<String> getRegisteredStateNames();
}
