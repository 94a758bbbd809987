package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;
import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.functions.AbstractRichFunction;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of sinks that write exactly once into an external system with transactions, after Flink's
 * {@code TwoPhaseCommitSinkFunction}. Records go into the current transaction. When a checkpoint's barrier passes
 * the sink, the transaction is pre-committed (first phase: flushed, prepared, durable but invisible), stored with
 * the checkpoint's id, and a new one begins; both are written into operator state. When the checkpoint
 * completes, every pre-committed transaction of a checkpoint up to its id is committed (second phase), in order.
 * On restore, the pre-committed transactions found in state are committed ({@link #recoverAndCommit}, which must
 * tolerate a transaction that was committed already) and the transaction that was open is aborted
 * ({@link #recoverAndAbort}).
 *
 * <p>Guarantee: exactly once, given that commit is idempotent across a restore and the external system keeps a
 * prepared transaction at least as long as {@link #setTransactionTimeout} says. A missed completion notice is made
 * up for by the next one; an aborted checkpoint leaves its transaction pending until a later one completes. At the
 * end of input the last transaction is pre-committed; with checkpointing on, the task's final checkpoint (taken
 * after {@link #finish()}, see {@link io.runnel.api.functions.RuntimeContext#isCheckpointingEnabled()}) stores it
 * and commits it on completion, so a failure elsewhere in the job after this sink finished cannot replay records
 * into a transaction already committed. Without checkpointing it is committed at once.
 *
 * <p><b>Threading:</b> every method runs on the task thread.
 *
 * @param <IN> the record type
 * @param <TXN> the transaction type (its serializer writes it into checkpoints)
 * @param <CONTEXT> a user context kept in state across restores (may be Void)
 */
@Public
public abstract class TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> extends AbstractRichFunction
        implements SinkFunction<IN>, CheckpointedFunction, CheckpointListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TwoPhaseCommitSinkFunction.class);

    private final TypeSerializer<TXN> transactionSerializer;
    private final TypeSerializer<CONTEXT> contextSerializer;
    private long transactionTimeoutMillis = Long.MAX_VALUE;
    private double timeoutWarningRatio = -1;
    private boolean ignoreFailuresAfterTimeout;
    /** Owner: task thread. */
    private transient PendingTransactions<TXN> pendingCommits;
    /** Owner: task thread. */
    private transient TransactionHolder<TXN> current;
    /** Owner: task thread. */
    private transient CONTEXT userContext;
    /** Owner: task thread. The last transaction, pre-committed by {@link #finish()}, until the final snapshot. */
    private transient TransactionHolder<TXN> finishedTransaction;
    private transient ListState<TwoPhaseCommitState<TXN, CONTEXT>> state;

    /**
     * @param transactionSerializer writes transactions into checkpoints
     * @param contextSerializer writes the user context, or null if there is none
     */
    protected TwoPhaseCommitSinkFunction(TypeSerializer<TXN> transactionSerializer,
                                         TypeSerializer<CONTEXT> contextSerializer) {
        this.transactionSerializer = transactionSerializer;
        this.contextSerializer = contextSerializer;
    }

    /** @return a new transaction @throws Exception to fail the task */
    protected abstract TXN beginTransaction() throws Exception;

    /** Writes a record into a transaction. @throws Exception to fail the task */
    protected abstract void invoke(TXN transaction, IN value, Context context) throws Exception;

    /** First phase: make the transaction durable and ready to commit. @throws Exception to fail the checkpoint */
    protected abstract void preCommit(TXN transaction) throws Exception;

    /** Second phase: make a pre-committed transaction visible. @throws Exception if the commit failed */
    protected abstract void commit(TXN transaction) throws Exception;

    /** Discards a transaction that will never be committed. @throws Exception if aborting failed */
    protected abstract void abort(TXN transaction) throws Exception;

    /**
     * Commits a pre-committed transaction found in state after a restore; it may have been committed before the
     * failure, which must not be an error. Defaults to {@link #commit}.
     *
     * @throws Exception to fail the restore
     */
    protected void recoverAndCommit(TXN transaction) throws Exception {
        commit(transaction);
    }

    /**
     * Aborts the transaction that was open at the restored checkpoint. Defaults to {@link #abort}.
     *
     * @throws Exception to fail the restore
     */
    protected void recoverAndAbort(TXN transaction) throws Exception {
        abort(transaction);
    }

    /** @return the user context of a fresh start (null for none); called when nothing is restored */
    protected CONTEXT initializeUserContext() {
        return null;
    }

    /**
     * Called at every start, after the transactions in restored state (if any) were handled: the place to clean up
     * other transactions of this sink subtask that a failed attempt left behind (pre-committed for a checkpoint
     * that never completed, or open), e.g. by listing the external system's prepared transactions of this
     * subtask. Default: nothing.
     *
     * @param handled every transaction that was committed or aborted from restored state (empty on a fresh start)
     * @throws Exception to fail the start
     */
    protected void finishRecoveringContext(List<TXN> handled) throws Exception {
    }

    /** @return the user context (restored, or from {@link #initializeUserContext}) */
    protected CONTEXT getUserContext() {
        return userContext;
    }

    /**
     * Sets how long the external system keeps an open or prepared transaction, ms. Commits are checked against it.
     *
     * @return this
     */
    protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> setTransactionTimeout(long timeoutMillis) {
        this.transactionTimeoutMillis = timeoutMillis;
        return this;
    }

    /**
     * Logs a warning when a transaction to commit is older than {@code ratio} × the timeout.
     *
     * @param ratio in (0, 1]
     * @return this
     */
    protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> enableTransactionTimeoutWarnings(double ratio) {
        this.timeoutWarningRatio = ratio;
        return this;
    }

    /**
     * A commit that fails for a transaction older than the timeout is logged and ignored instead of failing the
     * task (the external system has dropped it; its records are lost, which the log says).
     *
     * @return this
     */
    protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> ignoreFailuresAfterTransactionTimeout() {
        this.ignoreFailuresAfterTimeout = true;
        return this;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("two-phase-commit-state",
                new TwoPhaseCommitState.Serializer<>(transactionSerializer, contextSerializer)));
        pendingCommits = new PendingTransactions<>();
        List<TXN> handled = new ArrayList<>();
        boolean restored = false;
        for (TwoPhaseCommitState<TXN, CONTEXT> s : state.get()) {
            restored = true;
            for (Map.Entry<Long, TransactionHolder<TXN>> e : s.pendingCommits()) {
                LOG.info("{}: committing transaction of checkpoint {} found in state", getClass().getSimpleName(),
                        e.getKey());
                recoverAndCommit(e.getValue().handle());
                handled.add(e.getValue().handle());
            }
            if (s.openTransaction() != null) {
                recoverAndAbort(s.openTransaction().handle());
                handled.add(s.openTransaction().handle());
            }
            if (userContext == null) {
                userContext = s.context();
            }
        }
        if (!restored) {
            userContext = initializeUserContext();
        }
        finishRecoveringContext(handled);
        current = begin();
    }

    private TransactionHolder<TXN> begin() throws Exception {
        return new TransactionHolder<>(beginTransaction(), System.currentTimeMillis());
    }

    @Override
    public final void invoke(IN value, Context context) throws Exception {
        invoke(current.handle(), value, context);
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        long checkpointId = context.getCheckpointId();
        if (current != null) {
            preCommit(current.handle());
            pendingCommits.add(checkpointId, current);
            current = begin();
        } else if (finishedTransaction != null) {
            // The final checkpoint: no new transaction, the input has ended.
            pendingCommits.add(checkpointId, finishedTransaction);
            finishedTransaction = null;
        }
        state.update(List.of(new TwoPhaseCommitState<>(current, pendingCommits.entries(), userContext)));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        pendingCommits.commitUpTo(checkpointId, this::commitChecked);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        // Its pre-committed transaction stays pending: the next completed checkpoint covers its records.
    }

    private void commitChecked(long checkpointId, TransactionHolder<TXN> transaction) throws Exception {
        long age = transaction.elapsedMillis(System.currentTimeMillis());
        if (timeoutWarningRatio > 0 && age > timeoutWarningRatio * transactionTimeoutMillis) {
            LOG.warn("{}: the transaction of checkpoint {} is {} ms old, near the transaction timeout of {} ms",
                    getClass().getSimpleName(), checkpointId, age, transactionTimeoutMillis);
        }
        try {
            commit(transaction.handle());
        } catch (Exception e) {
            if (ignoreFailuresAfterTimeout && age > transactionTimeoutMillis) {
                LOG.error("{}: ignoring the failed commit of the transaction of checkpoint {}: it is {} ms old, "
                        + "beyond the timeout of {} ms, so its records are lost", getClass().getSimpleName(),
                        checkpointId, age, transactionTimeoutMillis, e);
                return;
            }
            throw e;
        }
    }

    /**
     * End of input: pre-commits the last transaction. With checkpointing on, the final checkpoint stores and then
     * commits it; without, it and everything pending is committed now, since no checkpoint will.
     */
    @Override
    public void finish() throws Exception {
        TransactionHolder<TXN> last = current;
        current = null;
        preCommit(last.handle());
        if (getRuntimeContext().isCheckpointingEnabled()) {
            finishedTransaction = last;
            return;
        }
        pendingCommits.add(Long.MAX_VALUE, last);
        pendingCommits.commitUpTo(Long.MAX_VALUE, this::commitChecked);
    }

    /**
     * Aborts the open transaction, and the finished one if no snapshot stored it (a restore replays its records);
     * pre-committed transactions in a checkpoint stay for a restore to commit.
     */
    @Override
    public void close() throws Exception {
        TransactionHolder<TXN> open = current;
        TransactionHolder<TXN> finished = finishedTransaction;
        current = null;
        finishedTransaction = null;
        if (open != null) {
            abort(open.handle());
        }
        if (finished != null) {
            abort(finished.handle());
        }
    }
}
