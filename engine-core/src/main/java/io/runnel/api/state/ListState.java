package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.util.List;

/**
 * A list of values per key. {@link #get()} returns an empty iterable (never null) when the key has no values.
 *
 * @param <T> the element type
 */
@Public
public interface ListState<T> extends AppendingState<T, Iterable<T>> {

    /** Replaces the current key's list. */
    void update(List<T> values);

    /** Appends all values to the current key's list. */
    void addAll(List<T> values);
}
