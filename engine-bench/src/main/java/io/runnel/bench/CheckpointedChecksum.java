package io.runnel.bench;

import io.runnel.annotation.TaskThread;
import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import java.util.List;

/**
 * {@link CountingSink}'s count and checksum as a step whose totals are part of every checkpoint, for W5: a sink
 * writer has no state, so after a restore the sink would have lost what it counted before the checkpoint; this
 * step restores its totals with the job's state and then counts the replayed records once more, exactly as the
 * restored keyed state produces them. It emits nothing; at the end of the input it publishes the totals through
 * the counters {@value CountingSink#COUNT} and {@value CountingSink#CHECKSUM}, so {@link CountingSink#count} and
 * {@link CountingSink#checksum} read them.
 *
 * <p><b>Contract:</b> with exactly-once checkpoints, the published count and checksum equal those of a run without
 * failures (W2's), over every subtask; a record counted twice or lost shows as a different checksum. The totals
 * are one {@link Totals} element per subtask in even-split operator list state; a restored instance adds up the
 * elements it is given, so redistribution keeps the sum.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #initializeState} registers and restores the totals, then records, snapshots at
 * checkpoints, and {@link #endInput} once at the end (not after a failure).
 *
 * @param <T> the record type
 */
final class CheckpointedChecksum<T> extends ProcessFunction<T, Long> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /**
     * The totals of one subtask at a checkpoint.
     *
     * @param count records counted
     * @param checksum wrapping sum of their fingerprints
     */
    record Totals(long count, long checksum) {
    }

    private final CountingSink.Fingerprint<T> fingerprint;
    /** Owner: task thread; set in {@link #initializeState}. */
    private transient ListState<Totals> totals;
    /** Owner: task thread. */
    private transient long count;
    /** Owner: task thread. */
    private transient long checksum;

    /** @param fingerprint what each record adds to the checksum (the sink's fingerprint) */
    CheckpointedChecksum(CountingSink.Fingerprint<T> fingerprint) {
        this.fingerprint = fingerprint;
    }

    @Override
    @TaskThread
    public void initializeState(FunctionInitializationContext context) {
        totals = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("totals", Totals.class));
        for (Totals t : totals.get()) {
            count += t.count();
            checksum += t.checksum();
        }
    }

    @Override
    @TaskThread
    public void processElement(T value, Context ctx, Collector<Long> out) {
        count++;
        checksum += fingerprint.of(value);
    }

    @Override
    @TaskThread
    public void snapshotState(FunctionSnapshotContext context) {
        totals.update(List.of(new Totals(count, checksum)));
    }

    @Override
    @TaskThread
    public void endInput(Collector<Long> out) {
        getRuntimeContext().getLongCounter(CountingSink.COUNT).add(count);
        getRuntimeContext().getLongCounter(CountingSink.CHECKSUM).add(checksum);
    }
}
