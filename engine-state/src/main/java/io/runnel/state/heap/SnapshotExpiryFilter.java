package io.runnel.state.heap;

import io.runnel.api.state.StateDescriptor;
import io.runnel.state.ttl.TtlValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Leaves expired values out of a full snapshot, for states whose TTL configuration asks for it
 * ({@link io.runnel.api.state.StateTtlConfig#isCleanupInFullSnapshot()}): a value, reducing or aggregating entry
 * whose {@link TtlValue} expired is dropped, and expired list elements and map entries are dropped from their
 * collection (the entry is dropped if nothing is left). The live state is not changed; expired values there are
 * still removed on access. After Flink's {@code cleanupFullSnapshot}.
 *
 * <p><b>Contract:</b> a value stamped {@code t} is expired iff {@code now >= t + ttlMillis}, saturating at
 * {@code Long.MAX_VALUE}, with {@code now} the TTL clock when the snapshot was taken (the rule of the TTL
 * decorators).
 *
 * <p><b>Threading:</b> immutable; used on the async snapshot thread, it never changes the objects it reads.
 */
final class SnapshotExpiryFilter {

    private final StateDescriptor.Kind kind;
    private final long ttlMillis;
    private final long nowMillis;

    private SnapshotExpiryFilter(StateDescriptor.Kind kind, long ttlMillis, long nowMillis) {
        this.kind = kind;
        this.ttlMillis = ttlMillis;
        this.nowMillis = nowMillis;
    }

    /**
     * @param nowMillis the TTL clock at the snapshot, ms
     * @return the filter for the state, or null if its snapshots keep expired values
     */
    static SnapshotExpiryFilter forState(HeapStateMeta meta, long nowMillis) {
        if (meta.ttlConfig() == null || !meta.ttlConfig().isCleanupInFullSnapshot()) {
            return null;
        }
        return new SnapshotExpiryFilter(meta.kind(), meta.ttlConfig().getTtlMillis(), nowMillis);
    }

    /** @return the state object to write: {@code state}, a filtered copy, or null if nothing of it is live */
    Object filter(Object state) {
        switch (kind) {
            case LIST: return filterList((ArrayList<?>) state);
            case MAP: return filterMap((HashMap<?, ?>) state);
            default: return expired(state) ? null : state;
        }
    }

    private boolean expired(Object value) {
        if (!(value instanceof TtlValue<?> ttl)) {
            return false;
        }
        long t = ttl.lastAccessTimestampMillis();
        long expiresAt = t > Long.MAX_VALUE - ttlMillis ? Long.MAX_VALUE : t + ttlMillis;
        return nowMillis >= expiresAt;
    }

    private ArrayList<?> filterList(ArrayList<?> list) {
        ArrayList<Object> live = null;
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            boolean dead = expired(e);
            if (live != null && !dead) {
                live.add(e);
            } else if (live == null && dead) {
                // The first expired element: from here on, collect the live ones.
                live = new ArrayList<>(list.subList(0, i));
            }
        }
        if (live == null) {
            return list;
        }
        return live.isEmpty() ? null : live;
    }

    private HashMap<?, ?> filterMap(HashMap<?, ?> map) {
        if (map.values().stream().noneMatch(this::expired)) {
            return map;
        }
        HashMap<Object, Object> live = new HashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!expired(e.getValue())) {
                live.put(e.getKey(), e.getValue());
            }
        }
        return live.isEmpty() ? null : live;
    }
}
