package io.runnel.connector.base;

import io.runnel.annotation.Public;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain {@link RecordsWithSplitIds}: lists of records per split, kept in the order the splits were added.
 *
 * <p><b>Threading:</b> built by one thread, then read by another after a safe hand-over (the fetch queue).
 *
 * @param <E> the record type
 */
@Public
public final class RecordsBySplits<E> implements RecordsWithSplitIds<E> {

    private final Iterator<Map.Entry<String, List<E>>> splits;
    private final Set<String> finishedSplits;
    private Iterator<E> currentRecords;

    private RecordsBySplits(Map<String, List<E>> recordsBySplit, Set<String> finishedSplits) {
        this.splits = recordsBySplit.entrySet().iterator();
        this.finishedSplits = finishedSplits;
    }

    /**
     * @param splitId the split all records belong to
     * @param records the records, in order (the list is used, not copied)
     * @param finished whether the split ends with these records
     * @return a batch of one split
     */
    public static <E> RecordsBySplits<E> forSplit(String splitId, List<E> records, boolean finished) {
        Map<String, List<E>> byId = records.isEmpty() ? Map.of() : Map.of(splitId, records);
        return new RecordsBySplits<>(byId, finished ? Set.of(splitId) : Set.of());
    }

    /** @return a batch with no records and no finished split (e.g. after {@link SplitReader#wakeUp()}) */
    public static <E> RecordsBySplits<E> empty() {
        return new RecordsBySplits<>(Map.of(), Set.of());
    }

    /** @return a builder for a batch of several splits */
    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    /** @return true if the batch has neither records nor finished splits */
    public static boolean isEmpty(RecordsWithSplitIds<?> batch) {
        return batch instanceof RecordsBySplits<?> r && !r.splits.hasNext() && r.finishedSplits.isEmpty();
    }

    @Override
    public String nextSplit() {
        if (!splits.hasNext()) {
            currentRecords = null;
            return null;
        }
        Map.Entry<String, List<E>> next = splits.next();
        currentRecords = next.getValue().iterator();
        return next.getKey();
    }

    @Override
    public E nextRecordFromSplit() {
        Iterator<E> it = currentRecords;
        if (it == null) {
            throw new IllegalStateException("nextSplit() must be called before nextRecordFromSplit()");
        }
        return it.hasNext() ? it.next() : null;
    }

    @Override
    public Set<String> finishedSplits() {
        return finishedSplits;
    }

    /**
     * Collects records of several splits.
     *
     * <p><b>Threading:</b> not thread-safe; one builder per batch.
     *
     * @param <E> the record type
     */
    public static final class Builder<E> {

        private final Map<String, List<E>> recordsBySplit = new LinkedHashMap<>();
        private final Set<String> finished = new LinkedHashSet<>();

        private Builder() {
        }

        /** Adds a record of split {@code splitId}. @return this */
        public Builder<E> add(String splitId, E record) {
            recordsBySplit.computeIfAbsent(splitId, id -> new ArrayList<>()).add(record);
            return this;
        }

        /** Marks split {@code splitId} finished with this batch. @return this */
        public Builder<E> addFinishedSplit(String splitId) {
            finished.add(splitId);
            return this;
        }

        /** @return the batch; the builder must not be used afterwards */
        public RecordsBySplits<E> build() {
            return new RecordsBySplits<>(recordsBySplit, Set.copyOf(finished));
        }
    }
}
