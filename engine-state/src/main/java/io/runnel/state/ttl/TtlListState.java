package io.runnel.state.ttl;

import io.runnel.api.state.ListState;
import io.runnel.state.InternalMergingState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link ListState} with time-to-live per element, as in Flink: each element carries the time it was added (or
 * last read, with {@code OnReadAndWrite}). {@code add} and {@code addAll} stay appends (RocksDB's merge operator
 * keeps working); {@code get()} drops expired elements, and writes the list back only when it dropped one or when
 * reads renew, so a read of a list with nothing expired and {@code OnCreateAndWrite} writes nothing.
 *
 * <p>{@link #get()} returns a new list (unlike the heap backend without TTL, whose list is live): changing it does
 * not change the state.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <E> the element type
 */
final class TtlListState<N, E> extends AbstractTtlState<N, ListState<TtlValue<E>>>
        implements ListState<E>, InternalMergingState<N> {

    TtlListState(ListState<TtlValue<E>> stored, TtlPolicy policy) {
        super(stored, policy);
    }

    @Override
    public Iterable<E> get() {
        long now = policy.now();
        List<E> visible = new ArrayList<>();
        List<TtlValue<E>> kept = new ArrayList<>();
        boolean dropped = false;
        for (TtlValue<E> element : stored.get()) {
            if (policy.isExpired(element, now)) {
                dropped = true;
                if (policy.returnExpired()) {
                    visible.add(element.userValue());
                }
                continue;
            }
            visible.add(element.userValue());
            kept.add(policy.renewOnRead() ? TtlPolicy.stamp(element.userValue(), now) : element);
        }
        if (dropped || (policy.renewOnRead() && !kept.isEmpty())) {
            // An empty list clears the entry, which is how a fully expired list is physically removed.
            stored.update(kept);
        }
        return visible;
    }

    @Override
    public void add(E value) {
        stored.add(TtlPolicy.stamp(value, policy.now()));
    }

    @Override
    public void addAll(List<E> values) {
        if (!values.isEmpty()) {
            stored.addAll(stampAll(values));
        }
    }

    @Override
    public void update(List<E> values) {
        if (values == null || values.isEmpty()) {
            stored.clear();
        } else {
            stored.update(stampAll(values));
        }
    }

    private List<TtlValue<E>> stampAll(List<E> values) {
        long now = policy.now();
        List<TtlValue<E>> stamped = new ArrayList<>(values.size());
        for (E value : values) {
            stamped.add(TtlPolicy.stamp(value, now));
        }
        return stamped;
    }

    /** Moves the elements with their own timestamps; expired ones go along and are dropped on the next read. */
    @Override
    @SuppressWarnings("unchecked")
    public void mergeNamespaces(N target, Collection<N> sources) {
        ((InternalMergingState<N>) stored).mergeNamespaces(target, sources);
    }
}
