package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.connector.sink.TwoPhaseCommitSinkFunction;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.typeutils.StringSerializer;
import io.runnel.runtime.testing.TestingSequenceSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end exactly-once output through a {@link TwoPhaseCommitSinkFunction}: a transactional in-memory store
 * (prepared transactions are kept across task restarts, as a database keeps them) receives every number once,
 * whatever fails: a record, a snapshot, the completion notice after a checkpoint completed, or the first record
 * after a restore (so the job restores twice from one checkpoint). 20 seeds, parallelism 1 and 2. And a job
 * that fails after one of its sinks finished: the finished sink's last transaction waits for the final checkpoint,
 * so the restore that replays its records finds nothing of them committed.
 */
class TwoPhaseCommitIT {

    private static final long N = 300_000;

    /** The external system of one run: open and prepared transactions, and the committed numbers. */
    static final class Store {
        final Map<String, List<Long>> open = new ConcurrentHashMap<>();
        final Map<String, List<Long>> prepared = new ConcurrentHashMap<>();
        final List<Long> committed = Collections.synchronizedList(new ArrayList<>());
    }

    private static final Map<String, Store> STORES = new ConcurrentHashMap<>();
    /** Per run: the failure plan (kind per failure, in order) and how far it got. */
    private static final Map<String, int[]> PLAN = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> NEXT = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> RESTARTED = new ConcurrentHashMap<>();

    private static final int RECORD = 0;
    private static final int SNAPSHOT = 1;
    private static final int NOTIFICATION = 2;
    private static final int AFTER_RESTORE = 3;

    /** Writes numbers into the store's transactions; commit is idempotent (a restore may repeat it). */
    static class StoreSink extends TwoPhaseCommitSinkFunction<Long, String, Void> {
        private static final long serialVersionUID = 1L;
        private final String runId;

        StoreSink(String runId) {
            super(StringSerializer.INSTANCE, null);
            this.runId = runId;
        }

        @Override
        protected String beginTransaction() {
            String id = getRuntimeContext().getIndexOfThisSubtask() + "/" + UUID.randomUUID();
            STORES.get(runId).open.put(id, Collections.synchronizedList(new ArrayList<>()));
            return id;
        }

        @Override
        protected void invoke(String txn, Long value, Context context) {
            STORES.get(runId).open.get(txn).add(value);
        }

        @Override
        protected void preCommit(String txn) {
            Store s = STORES.get(runId);
            s.prepared.put(txn, s.open.remove(txn));
        }

        @Override
        protected void commit(String txn) {
            List<Long> rows = STORES.get(runId).prepared.remove(txn);
            if (rows != null) {
                STORES.get(runId).committed.addAll(rows);
            }
        }

        @Override
        protected void abort(String txn) {
            STORES.get(runId).open.remove(txn);
            STORES.get(runId).prepared.remove(txn);
        }

        /** Aborts what an earlier attempt of this subtask left open or prepared, as a database's recover would. */
        @Override
        protected void finishRecoveringContext(List<String> handled) {
            String mine = getRuntimeContext().getIndexOfThisSubtask() + "/";
            Store s = STORES.get(runId);
            for (Map<String, List<Long>> txns : List.of(s.open, s.prepared)) {
                txns.keySet().removeIf(id -> id.startsWith(mine) && !handled.contains(id));
            }
        }
    }

    /** Fails as planned: at a record, in a snapshot, in a completion notice, or right after a restore. */
    static final class Injector implements MapFunction<Long, Long>, CheckpointedFunction, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String runId;
        private final long position;

        Injector(String runId, long position) {
            this.runId = runId;
            this.position = position;
        }

        private boolean due(int kind) {
            int i = NEXT.get(runId).get();
            int[] plan = PLAN.get(runId);
            return i < plan.length && plan[i] == kind && NEXT.get(runId).compareAndSet(i, i + 1);
        }

        @Override
        public Long map(Long v) {
            if (RESTARTED.get(runId).compareAndSet(true, false) && due(AFTER_RESTORE)) {
                throw new IllegalStateException("injected failure at the first record after a restore");
            }
            if (v >= position && CHECKPOINTED.get(runId).get() && due(RECORD)) {
                RESTARTED.get(runId).set(true);
                throw new IllegalStateException("injected failure at " + v);
            }
            return v;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            if (CHECKPOINTED.get(runId).get() && due(SNAPSHOT)) {
                RESTARTED.get(runId).set(true);
                throw new IllegalStateException("injected failure in snapshot " + context.getCheckpointId());
            }
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (CHECKPOINTED.get(runId).getAndSet(true) && due(NOTIFICATION)) {
                RESTARTED.get(runId).set(true);
                throw new IllegalStateException("injected failure in the notice of checkpoint " + checkpointId);
            }
        }
    }

    /** Tells the test when its input ended: the sink of the short pipeline in the finished-sink test. */
    static final class FinishSignallingSink extends StoreSink {
        private static final long serialVersionUID = 1L;
        private final String runId;

        FinishSignallingSink(String storeId, String runId) {
            super(storeId);
            this.runId = runId;
        }

        @Override
        public void finish() throws Exception {
            super.finish();
            FINISHED.get(runId).countDown();
        }
    }

    /**
     * After a checkpoint completed, holds its task until the other pipeline's sink finished, then fails once: the
     * failure comes after that sink's finish and before any checkpoint that saw it finished (this task cannot
     * acknowledge one while it waits).
     */
    static final class FailAfterOtherSinkFinished implements MapFunction<Long, Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String runId;

        FailAfterOtherSinkFinished(String runId) {
            this.runId = runId;
        }

        @Override
        public Long map(Long v) throws Exception {
            if (CHECKPOINTED.get(runId).get() && RESTARTED.get(runId).compareAndSet(false, true)) {
                if (!FINISHED.get(runId).await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the short pipeline's sink did not finish within 60 s");
                }
                throw new IllegalStateException("injected failure after the other sink finished");
            }
            return v;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.get(runId).set(true);
        }
    }

    private static final Map<String, CountDownLatch> FINISHED = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "parallelism {0}")
    @MethodSource("parallelisms")
    void aSinkThatFinishedBeforeAFailureCommitsItsLastTransactionOnce(int parallelism, @TempDir Path dir)
            throws Exception {
        String runId = "finished-" + parallelism;
        long shortCount = 50_000;
        for (String id : List.of(runId, runId + "-short")) {
            STORES.put(id, new Store());
        }
        FINISHED.put(runId, new CountDownLatch(1));
        CHECKPOINTED.put(runId, new AtomicBoolean());
        RESTARTED.put(runId, new AtomicBoolean());
        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(10));
        env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ZERO));
        env.fromSource(new TestingSequenceSource(shortCount, 2_000), "short").uid("short")
                .rebalance().addSink(new FinishSignallingSink(runId + "-short", runId)).uid("short-sink");
        env.fromSource(new TestingSequenceSource(N, 2_000), "long").uid("long")
                .map(new FailAfterOtherSinkFinished(runId)).uid("fail")
                .rebalance().addSink(new StoreSink(runId)).uid("long-sink");
        JobClient client = env.executeAsync("2pc " + runId);
        client.getJobExecutionResult().get();
        assertTrue(RESTARTED.get(runId).get(), "the injected failure happened");
        assertExactly(shortCount, runId + "-short");
        assertExactly(N, runId);
    }

    static Stream<Integer> parallelisms() {
        return Stream.of(1, 2);
    }

    private static void assertExactly(long count, String storeId) {
        List<Long> committed = new ArrayList<>(STORES.get(storeId).committed);
        Collections.sort(committed);
        assertEquals(count, committed.size(), storeId + ": committed count");
        for (int i = 0; i < count; i++) {
            if (committed.get(i) != i) {
                throw new AssertionError(storeId + ": number " + i + " is missing or duplicated (found "
                        + committed.get(i) + ")");
            }
        }
        assertTrue(STORES.get(storeId).prepared.isEmpty(), storeId + ": nothing left prepared");
    }

    static Stream<Arguments> runs() {
        return IntStream.rangeClosed(1, 20).boxed().flatMap(seed -> Stream.of(Arguments.of(seed, 1),
                Arguments.of(seed, 2)));
    }

    @ParameterizedTest(name = "seed {0}, parallelism {1}")
    @MethodSource("runs")
    void everyNumberIsCommittedExactlyOnce(int seed, int parallelism, @TempDir Path dir) throws Exception {
        String runId = seed + "-" + parallelism;
        Random random = new Random(seed);
        int[] plan = new int[3];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = random.nextInt(4);
        }
        PLAN.put(runId, plan);
        NEXT.put(runId, new AtomicInteger());
        CHECKPOINTED.put(runId, new AtomicBoolean());
        RESTARTED.put(runId, new AtomicBoolean());
        STORES.put(runId, new Store());

        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(10));
        env.setRestartStrategy(RestartStrategies.fixedDelay(10, Duration.ZERO));
        env.fromSource(new TestingSequenceSource(N, 2_000), "numbers")
                .map(new Injector(runId, N / 10 + random.nextInt((int) (N / 4))))
                .rebalance()
                .addSink(new StoreSink(runId));
        JobClient client = env.executeAsync("2pc " + runId);
        client.getJobExecutionResult().get();
        List<JobStatusChange> history = client.getStatusHistory().get();
        long restarts = history.stream().filter(c -> c.status() == JobStatus.RESTARTING).count();
        for (JobStatusChange change : history) {
            Throwable root = change.cause();
            while (root != null && root.getCause() != null) {
                root = root.getCause();
            }
            assertTrue(change.status() != JobStatus.RESTARTING || String.valueOf(root).contains("injected failure"),
                    "a restart the test did not plan: " + change.cause());
        }

        assertExactly(N, runId);
        assertTrue(restarts >= 1 || NEXT.get(runId).get() == 0, "a planned failure restarted the job (restarts "
                + restarts + ", plan done " + NEXT.get(runId).get() + ")");
    }
}
