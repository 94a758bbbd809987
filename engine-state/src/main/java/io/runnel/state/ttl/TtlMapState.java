package io.runnel.state.ttl;

import io.runnel.api.state.MapState;
import java.util.AbstractMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * {@link MapState} with time-to-live per entry, as in Flink: each map value is stored as a {@link TtlValue}. Point
 * reads ({@code get}, {@code contains}) apply {@link TtlPolicy#read} to one entry. Iteration ({@code entries},
 * {@code keys}, {@code values}) is lazy over the backend's iteration and removes each expired entry it passes
 * through the backend iterator; with {@code OnReadAndWrite} every entry it returns is renewed. {@code isEmpty()}
 * removes expired entries until it finds a live one, which it does not renew (it reads no value).
 *
 * <p><b>Contract of the iterators:</b> {@code remove()} removes the entry last returned by {@code next()}, but only
 * before {@code hasNext()} is called again: looking ahead moves the backend iterator past expired entries, after
 * which it can no longer remove the earlier one, so {@code remove()} then throws {@link IllegalStateException}.
 * {@code Map.Entry.setValue} writes through, stamped with the current time.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
final class TtlMapState<N, UK, UV> extends AbstractTtlState<N, MapState<UK, TtlValue<UV>>>
        implements MapState<UK, UV> {

    TtlMapState(MapState<UK, TtlValue<UV>> stored, TtlPolicy policy) {
        super(stored, policy);
    }

    private TtlValue<UV> read(UK key) {
        return policy.read(stored.get(key), () -> stored.remove(key), renewed -> stored.put(key, renewed));
    }

    @Override
    public UV get(UK key) {
        TtlValue<UV> seen = read(key);
        return seen == null ? null : seen.userValue();
    }

    /** A read of the entry: removes it if expired and renews it with {@code OnReadAndWrite}, as {@link #get} does. */
    @Override
    public boolean contains(UK key) {
        return read(key) != null;
    }

    @Override
    public void put(UK key, UV value) {
        stored.put(key, TtlPolicy.stamp(value, policy.now()));
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map.isEmpty()) {
            return;
        }
        long now = policy.now();
        Map<UK, TtlValue<UV>> stamped = new LinkedHashMap<>();
        for (Map.Entry<UK, UV> entry : map.entrySet()) {
            stamped.put(entry.getKey(), TtlPolicy.stamp(entry.getValue(), now));
        }
        stored.putAll(stamped);
    }

    @Override
    public void remove(UK key) {
        stored.remove(key);
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return () -> new LiveEntries<>(stored.entries().iterator(), policy.renewOnRead(), e -> e);
    }

    @Override
    public Iterable<UK> keys() {
        return () -> new LiveEntries<>(stored.entries().iterator(), policy.renewOnRead(), Map.Entry::getKey);
    }

    @Override
    public Iterable<UV> values() {
        return () -> new LiveEntries<>(stored.entries().iterator(), policy.renewOnRead(), Map.Entry::getValue);
    }

    @Override
    public boolean isEmpty() {
        return !new LiveEntries<>(stored.entries().iterator(), false, e -> e).hasNext();
    }

    /**
     * Iterates the live entries of the backend's iteration, removing expired ones on the way (see the class
     * contract), and maps each to what the caller iterates (entries, keys or values).
     */
    private final class LiveEntries<R> implements Iterator<R> {
        private final Iterator<Map.Entry<UK, TtlValue<UV>>> backing;
        private final boolean renew;
        private final Function<Map.Entry<UK, UV>, R> mapper;
        /** Found by {@link #hasNext()}, not yet returned. Owner: task thread. */
        private Map.Entry<UK, UV> next;
        /** Whether {@code remove()} may remove the entry last returned through {@code backing}. Owner: task thread. */
        private boolean removable;
        /** Whether the entry last returned was expired, and so already removed. Owner: task thread. */
        private boolean lastWasExpired;

        LiveEntries(Iterator<Map.Entry<UK, TtlValue<UV>>> backing, boolean renew,
                    Function<Map.Entry<UK, UV>, R> mapper) {
            this.backing = backing;
            this.renew = renew;
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (next != null) {
                return true;
            }
            long now = policy.now();
            while (backing.hasNext()) {
                Map.Entry<UK, TtlValue<UV>> entry = backing.next();
                // The backend iterator has moved on: the entry returned before can no longer be removed.
                removable = false;
                TtlValue<UV> value = entry.getValue();
                if (policy.isExpired(value, now)) {
                    backing.remove();
                    if (policy.returnExpired()) {
                        next = new AbstractMap.SimpleImmutableEntry<>(entry.getKey(), value.userValue());
                        lastWasExpired = true;
                        return true;
                    }
                    continue;
                }
                if (renew) {
                    entry.setValue(TtlPolicy.stamp(value.userValue(), now));
                }
                next = new WriteThroughEntry(entry);
                lastWasExpired = false;
                return true;
            }
            return false;
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<UK, UV> result = next;
            next = null;
            removable = true;
            return mapper.apply(result);
        }

        /** @throws IllegalStateException without a preceding {@code next()}, or after {@code hasNext()} */
        @Override
        public void remove() {
            if (!removable) {
                throw new IllegalStateException("remove() must directly follow next() on a map state with TTL "
                        + "(hasNext() moves past expired entries)");
            }
            removable = false;
            if (!lastWasExpired) {
                backing.remove();
            }
        }
    }

    /** An entry whose {@code setValue} writes the new value, stamped now, through the backend's entry. */
    private final class WriteThroughEntry extends AbstractMap.SimpleEntry<UK, UV> {
        private static final long serialVersionUID = 1L;
        private final transient Map.Entry<UK, TtlValue<UV>> backing;

        WriteThroughEntry(Map.Entry<UK, TtlValue<UV>> backing) {
            super(backing.getKey(), backing.getValue().userValue());
            this.backing = backing;
        }

        @Override
        public UV setValue(UV value) {
            backing.setValue(TtlPolicy.stamp(value, policy.now()));
            return super.setValue(value);
        }
    }
}
