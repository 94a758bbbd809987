package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * State that values are added to, and that is read as a whole.
 *
 * @param <IN> the type of added values
 * @param <OUT> the type read
 */
@Public
public interface AppendingState<IN, OUT> extends State {

    /** @return the current key's contents, or null (empty iterable for lists) when there are none */
    OUT get();

    /** Adds a value to the current key's contents. */
    void add(IN value);
}
