package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.util.Map;

/**
 * A map per key. Iteration order is not defined.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
@Public
public interface MapState<UK, UV> extends State {

    /** @return the value for {@code key} in the current key's map, or null */
    UV get(UK key);

    /** Puts {@code key -> value} into the current key's map. */
    void put(UK key, UV value);

    /** Puts all entries into the current key's map. */
    void putAll(Map<UK, UV> map);

    /** Removes {@code key} from the current key's map. */
    void remove(UK key);

    /** @return true if the current key's map holds {@code key} */
    boolean contains(UK key);

    /** @return the entries of the current key's map (empty, never null) */
    Iterable<Map.Entry<UK, UV>> entries();

    /** @return the keys of the current key's map */
    Iterable<UK> keys();

    /** @return the values of the current key's map */
    Iterable<UV> values();

    /** @return true if the current key's map is empty */
    boolean isEmpty();
}
