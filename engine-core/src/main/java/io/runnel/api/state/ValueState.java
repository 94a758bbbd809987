package io.runnel.api.state;

import io.runnel.annotation.Public;

/**
 * One value per key.
 *
 * @param <T> the value type
 */
@Public
public interface ValueState<T> extends State {

    /** @return the current key's value, or null if none is set */
    T value();

    /** Sets the current key's value; {@code null} clears it. */
    void update(T value);
}
