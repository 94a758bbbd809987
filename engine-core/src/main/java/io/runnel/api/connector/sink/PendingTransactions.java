package io.runnel.api.connector.sink;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pre-committed transactions of a {@link TwoPhaseCommitSinkFunction}, by the checkpoint that pre-committed
 * them: the bookkeeping of the second phase, kept apart so it can be tested alone.
 *
 * <p>Invariant: at most one transaction per checkpoint id; iteration is in checkpoint order.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <TXN> the transaction type
 */
final class PendingTransactions<TXN> {

    /** Commits one transaction. */
    @FunctionalInterface
    interface Committer<TXN> {
        /** @throws Exception if the commit failed */
        void commit(long checkpointId, TransactionHolder<TXN> transaction) throws Exception;
    }

    private final TreeMap<Long, TransactionHolder<TXN>> byCheckpoint = new TreeMap<>();

    /**
     * @throws IllegalStateException if a transaction is already pending for the checkpoint
     */
    void add(long checkpointId, TransactionHolder<TXN> transaction) {
        if (byCheckpoint.putIfAbsent(checkpointId, transaction) != null) {
            throw new IllegalStateException("a transaction is already pending for checkpoint " + checkpointId);
        }
    }

    /**
     * Commits, in checkpoint order, every pending transaction of a checkpoint up to {@code checkpointId} and
     * forgets them, also those whose commit failed (a missed notification is made up for here: a later one
     * covers every earlier checkpoint). All are tried even if one fails.
     *
     * @return how many were committed or attempted
     * @throws Exception the first commit failure, with later ones suppressed
     */
    int commitUpTo(long checkpointId, Committer<TXN> committer) throws Exception {
        Exception first = null;
        int attempted = 0;
        Iterator<Map.Entry<Long, TransactionHolder<TXN>>> it = byCheckpoint.headMap(checkpointId, true).entrySet()
                .iterator();
        while (it.hasNext()) {
            Map.Entry<Long, TransactionHolder<TXN>> e = it.next();
            it.remove();
            attempted++;
            try {
                committer.commit(e.getKey(), e.getValue());
            } catch (Exception ex) {
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return attempted;
    }

    /** @return the pending transactions in checkpoint order, as (checkpoint id, transaction) entries */
    List<Map.Entry<Long, TransactionHolder<TXN>>> entries() {
        return new ArrayList<>(byCheckpoint.entrySet());
    }

    /** @return the number of pending transactions */
    int size() {
        return byCheckpoint.size();
    }

    /** Forgets every pending transaction. */
    void clear() {
        byCheckpoint.clear();
    }
}
