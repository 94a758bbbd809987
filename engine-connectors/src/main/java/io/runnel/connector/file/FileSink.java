package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.connector.sink.TwoPhaseCommitSinkFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exactly-once sink that writes one line per record into part files under bucket directories, which become
 * visible (finished) only when the checkpoint that covers their records completes. Added with
 * {@code DataStream.addSink}:
 *
 * <pre>{@code
 * FileSink.Builder<Long> builder = FileSink.forRowFormat(out, (Long v) -> Long.toString(v));
 * builder.withBucketAssigner(new ConstantBucketAssigner<>("numbers"));
 * env.fromSource(new SequenceSource(0, N - 1), "numbers")
 *         .map(new Injector(runId, mode, offset, afterCheckpoints, parallelism))
 *         .addSink(builder.build());
 * }</pre>
 * (from {@code FileSinkIT})
 *
 * <p><b>Contract:</b> a record goes to {@code <base>/<bucketId>/}, bucket chosen by the {@link BucketAssigner}
 * (default: processing-time hour, {@link DateTimeBucketAssigner#processingTime()}), encoded by a
 * {@link LineEncoder} plus {@code '\n'} in UTF-8 ({@link #forRowFormat}), or by a {@link BulkWriter} per part file
 * ({@link #forBulkFormat}). Part files pass the stages of {@link PartFile}: in progress while
 * written; pending once rolled by the {@link RollingPolicy} (default {@link DefaultRollingPolicy}) or at a
 * checkpoint's pre-commit (flushed and fsynced); finished by an atomic rename when that checkpoint completes. Names
 * carry the subtask index and a per-subtask counter kept in state, raised on restore past every part file of the
 * subtask found on disk, so no name repeats. On restore the pending files of the restored checkpoint are finished
 * (a rename that already happened is fine) and this subtask's other in-progress and pending files are deleted;
 * after a change of parallelism the cleanup is skipped (another subtask may be finishing those files) and stale
 * hidden files may remain. Readers must ignore names starting with {@code .}; only {@code part-*} files are output.
 * A bucket with a time range gets a {@link PartitionCommitPolicy} call (default {@code _SUCCESS}) once, for every
 * subtask, a committed checkpoint's pre-commit saw the watermark (or processing time) at or past the bucket's end,
 * so all part files of the bucket are finished (job-wide; the subtasks meet in {@link CommitProgress} files). Without checkpoints
 * files are finished only at the end of input. I/O errors fail the task (or the checkpoint, at pre-commit).
 *
 * <p><b>Threading:</b> task thread only (see {@link TwoPhaseCommitSinkFunction}).
 *
 * <p><b>Lifecycle:</b> built by {@link Builder}; serialized into the job; per subtask {@code initializeState}
 * (restore and cleanup), records, checkpoints, {@code finish} at the end of input, {@code close} (deletes the
 * open transaction's files).
 *
 * @param <IN> the record type
 */
@Public
public final class FileSink<IN> extends TwoPhaseCommitSinkFunction<IN, FileSinkTransaction, FileSinkContext> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FileSink.class);
    /** Records between inactivity checks: a clock read and a walk over the open part files are not per-record. */
    private static final int INACTIVITY_CHECK_EVERY = 1024;

    private final String basePath;
    /** The row format's encoder, or null for a bulk format. */
    private final LineEncoder<IN> encoder;
    /** The bulk format's writer factory, or null for the row format. */
    private final BulkWriter.Factory<IN> bulkWriters;
    private final BucketAssigner<IN> bucketAssigner;
    private final RollingPolicy rollingPolicy;
    private final PartitionCommitPolicy commitPolicy;

    /** Owner: task thread. The open part file of each bucket, all of the current transaction. */
    private transient Map<String, OpenPart> openParts;
    private transient String lastBucketId;
    private transient OpenPart lastPart;
    private transient long lastWatermark;
    private transient int recordsSinceCheck;
    private transient boolean restoring;
    /** Whether this subtask got state back (a restore after scaling up may give it none). */
    private transient boolean restoredState;
    /** Transactions committed during the restore, before the restored context is available. */
    private transient List<FileSinkTransaction> recoveredCommits;

    private FileSink(Builder<IN> builder) {
        super(new FileSinkTransaction.Serializer(), new FileSinkContext.Serializer());
        this.basePath = builder.base.toAbsolutePath().normalize().toString();
        this.encoder = builder.encoder;
        this.bulkWriters = builder.bulkWriters;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.commitPolicy = builder.commitPolicy;
    }

    /**
     * @param base the directory under which the buckets go (created if needed)
     * @param encoder turns a record into a line (must contain no line break)
     * @return a builder with the default bucket assigner, rolling policy and partition commit policy
     */
    public static <IN> Builder<IN> forRowFormat(Path base, LineEncoder<IN> encoder) {
        return new Builder<>(base, Objects.requireNonNull(encoder, "encoder"), null);
    }

    /**
     * A sink writing each part file through a {@link BulkWriter} (a format that encodes records together). Part
     * files roll at every checkpoint, as with the row format; the default rolling policy is
     * {@link OnCheckpointRollingPolicy}, so a part file holds one checkpoint interval of a bucket.
     *
     * @param base the directory under which the buckets go (created if needed)
     * @param writers creates the writer of each part file
     * @return a builder with the default bucket assigner and partition commit policy
     */
    public static <IN> Builder<IN> forBulkFormat(Path base, BulkWriter.Factory<IN> writers) {
        return new Builder<IN>(base, null, Objects.requireNonNull(writers, "writers"))
                .withRollingPolicy(new OnCheckpointRollingPolicy());
    }

    /**
     * @param base a sink's base directory
     * @return its finished part files (the committed output), in every bucket, sorted by path
     * @throws IOException if the directory cannot be walked
     */
    public static List<Path> finishedPartFiles(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(PartFile.FINISHED_PREFIX)).sorted().toList();
        }
    }

    private Path base() {
        return Path.of(basePath);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        openParts = new HashMap<>();
        lastWatermark = Long.MIN_VALUE;
        recoveredCommits = new ArrayList<>();
        restoring = context.isRestored();
        restoredState = false;
        super.initializeState(context);
        FileSinkContext ctx = getUserContext();
        boolean ownContext = ctx.subtaskIndex == subtaskIndex() && ctx.parallelism == parallelism();
        // Fresh start: nothing of this subtask's is pending anywhere. Restored: only with its own context back is
        // this subtask the only one that could finish files with its index.
        boolean cleanUp = !restoring || (restoredState && ownContext && !recoveredCommitsFromOthers());
        if (!cleanUp) {
            LOG.info("FileSink subtask {}: restored after a change of parallelism, so stale in-progress and pending "
                    + "files of this subtask are left in place", subtaskIndex());
        }
        ctx.subtaskIndex = subtaskIndex();
        ctx.parallelism = parallelism();
        new PartFileScan(base(), subtaskIndex()).raiseCounterAndCleanUp(ctx, cleanUp);
        for (FileSinkTransaction txn : recoveredCommits) {
            registerCommitted(ctx, txn);
        }
        recoveredCommits = null;
        runPartitionCommits(ctx);
    }

    private boolean recoveredCommitsFromOthers() {
        return recoveredCommits.stream().flatMap(t -> t.parts().stream())
                .anyMatch(p -> p.subtaskIndex() != subtaskIndex());
    }

    private int subtaskIndex() {
        return getRuntimeContext().getIndexOfThisSubtask();
    }

    private int parallelism() {
        return getRuntimeContext().getNumberOfParallelSubtasks();
    }

    @Override
    protected FileSinkContext initializeUserContext() {
        return new FileSinkContext(subtaskIndex(), parallelism());
    }

    @Override
    protected FileSinkTransaction beginTransaction() {
        return new FileSinkTransaction(basePath);
    }

    @Override
    protected void invoke(FileSinkTransaction txn, IN value, Context context) throws Exception {
        if (context != null) {
            lastWatermark = Math.max(lastWatermark, context.currentWatermark());
        }
        String bucketId = bucketAssigner.bucketId(value, context);
        OpenPart part = bucketId.equals(lastBucketId) ? lastPart : openParts.get(bucketId);
        long now = System.currentTimeMillis();
        if (part != null && rollingPolicy.shouldRollOnEvent(part.writer.size(), part.createdMillis, now)) {
            roll(part);
            part = null;
        }
        if (part == null) {
            part = open(txn, bucketId, now);
        }
        part.writer.write(value);
        part.lastWriteMillis = now;
        lastBucketId = bucketId;
        lastPart = part;
        if (++recordsSinceCheck >= INACTIVITY_CHECK_EVERY) {
            recordsSinceCheck = 0;
            rollInactive(now);
        }
    }

    private OpenPart open(FileSinkTransaction txn, String bucketId, long now) throws IOException {
        FileSinkContext ctx = getUserContext();
        PartFile file = new PartFile(bucketId, subtaskIndex(), ctx.nextPartCounter++,
                bucketAssigner.bucketEndMillis(bucketId));
        Path path = file.inProgress(base());
        Files.createDirectories(path.getParent());
        // Listed before the file exists, so an abort never misses a file it should delete.
        txn.add(file);
        PartWriter<IN> writer = encoder != null ? PartWriter.rows(path, encoder) : PartWriter.bulk(path, bulkWriters);
        OpenPart part = new OpenPart(file, writer, now);
        openParts.put(bucketId, part);
        return part;
    }

    /** Closes the part durably and makes it pending; it stays in its transaction. */
    private void roll(OpenPart part) throws IOException {
        openParts.remove(part.file.bucketId());
        if (part == lastPart) {
            lastPart = null;
            lastBucketId = null;
        }
        part.writer.closeDurably();
        Files.move(part.file.inProgress(base()), part.file.pending(base()), StandardCopyOption.ATOMIC_MOVE);
    }

    private void rollInactive(long now) throws IOException {
        List<OpenPart> inactive = new ArrayList<>();
        for (OpenPart part : openParts.values()) {
            if (rollingPolicy.shouldRollOnProcessingTime(part.writer.size(), part.createdMillis,
                    part.lastWriteMillis, now)) {
                inactive.add(part);
            }
        }
        for (OpenPart part : inactive) {
            roll(part);
        }
    }

    /** Event time also advances without records (a subtask that gets none must not hold partition commits back). */
    @Override
    public void writeWatermark(long watermarkMillis) {
        lastWatermark = Math.max(lastWatermark, watermarkMillis);
    }

    @Override
    protected void preCommit(FileSinkTransaction txn) throws Exception {
        for (OpenPart part : new ArrayList<>(openParts.values())) {
            roll(part);
        }
        txn.setPreCommitTimeMillis(bucketAssigner.isEventTime() ? lastWatermark : System.currentTimeMillis());
    }

    @Override
    protected void commit(FileSinkTransaction txn) throws Exception {
        finishParts(txn);
        FileSinkContext ctx = getUserContext();
        registerCommitted(ctx, txn);
        runPartitionCommits(ctx);
    }

    @Override
    protected void recoverAndCommit(FileSinkTransaction txn) throws Exception {
        // The restored context is not available yet: its partition bookkeeping is updated once it is.
        finishParts(txn);
        recoveredCommits.add(txn);
    }

    @Override
    protected void recoverAndAbort(FileSinkTransaction txn) throws Exception {
        restoredState = true;
        abort(txn);
    }

    private void finishParts(FileSinkTransaction txn) throws IOException {
        for (PartFile part : txn.parts()) {
            Path pending = part.pending(txn.base());
            Path finished = part.finished(txn.base());
            try {
                Files.move(pending, finished, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                if (!Files.exists(finished)) {
                    throw new IOException("part file " + finished + " of a pre-committed transaction is neither "
                            + "pending nor finished: its records are lost", e);
                }
                // Finished before a failure: the commit is idempotent.
            }
        }
    }

    @Override
    protected void abort(FileSinkTransaction txn) throws Exception {
        for (OpenPart part : openParts.values()) {
            part.writer.closeQuietly();
        }
        openParts.clear();
        lastPart = null;
        lastBucketId = null;
        for (PartFile part : txn.parts()) {
            Files.deleteIfExists(part.inProgress(txn.base()));
            Files.deleteIfExists(part.pending(txn.base()));
        }
    }

    private static void registerCommitted(FileSinkContext ctx, FileSinkTransaction txn) {
        ctx.committedTimeMillis = Math.max(ctx.committedTimeMillis, txn.preCommitTimeMillis());
        for (PartFile part : txn.parts()) {
            if (part.bucketEndMillis() != Long.MAX_VALUE) {
                ctx.awaitingCommit.put(part.bucketId(), part.bucketEndMillis());
            }
        }
    }

    /**
     * Publishes this subtask's progress, then commits every bucket that all subtasks' committed output has passed
     * (see {@link CommitProgress}), its own and others'.
     */
    private void runPartitionCommits(FileSinkContext ctx) throws IOException {
        CommitProgress.publish(base(), subtaskIndex(), parallelism(), ctx.committedTimeMillis, ctx.awaitingCommit);
        List<CommitProgress.Entry> all = CommitProgress.readAll(base(), parallelism());
        if (all == null) {
            return;
        }
        Map<String, Long> complete = CommitProgress.completeBuckets(all);
        for (String bucketId : complete.keySet()) {
            commitPolicy.commit(base().resolve(bucketId), bucketId);
        }
        if (ctx.awaitingCommit.keySet().removeAll(complete.keySet())) {
            CommitProgress.publish(base(), subtaskIndex(), parallelism(), ctx.committedTimeMillis,
                    ctx.awaitingCommit);
        }
    }

    /** An in-progress part file being written. Threading: task thread only. */
    private final class OpenPart {
        final PartFile file;
        final PartWriter<IN> writer;
        final long createdMillis;
        long lastWriteMillis;

        OpenPart(PartFile file, PartWriter<IN> writer, long createdMillis) {
            this.file = file;
            this.writer = writer;
            this.createdMillis = createdMillis;
            this.lastWriteMillis = createdMillis;
        }
    }

    /**
     * Builds a {@link FileSink}. Threading: one thread.
     *
     * @param <IN> the record type
     */
    public static final class Builder<IN> {
        private final Path base;
        private final LineEncoder<IN> encoder;
        private final BulkWriter.Factory<IN> bulkWriters;
        private BucketAssigner<IN> bucketAssigner = DateTimeBucketAssigner.processingTime();
        private RollingPolicy rollingPolicy = DefaultRollingPolicy.builder().build();
        private PartitionCommitPolicy commitPolicy = new SuccessFileCommitPolicy();

        private Builder(Path base, LineEncoder<IN> encoder, BulkWriter.Factory<IN> bulkWriters) {
            this.base = Objects.requireNonNull(base, "base");
            this.encoder = encoder;
            this.bulkWriters = bulkWriters;
        }

        /** @return this, with records bucketed by {@code assigner} */
        public Builder<IN> withBucketAssigner(BucketAssigner<IN> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "assigner");
            return this;
        }

        /** @return this, with part files rolled by {@code policy} (and at every checkpoint) */
        public Builder<IN> withRollingPolicy(RollingPolicy policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return this, with complete buckets handed to {@code policy} */
        public Builder<IN> withPartitionCommitPolicy(PartitionCommitPolicy policy) {
            this.commitPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** @return the sink */
        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }
}
