package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * A value each subtask adds to locally; the job's result holds the merge of all subtasks' values.
 *
 * <p><b>Threading:</b> {@link #add} is called by the owning task thread only; the engine reads
 * {@link #getLocalValue()} and calls {@link #merge} after that thread has finished.
 *
 * @param <V> the type of added values
 * @param <R> the type of the (serializable) result
 */
@Public
public interface Accumulator<V, R extends Serializable> extends Serializable {

    /** Adds a value locally. */
    void add(V value);

    /** @return this subtask's value */
    R getLocalValue();

    /** Merges another subtask's accumulator of the same class into this one. */
    void merge(Accumulator<V, R> other);

    /** @return a new accumulator of the same class holding a copy of this one's value */
    Accumulator<V, R> copy();
}
