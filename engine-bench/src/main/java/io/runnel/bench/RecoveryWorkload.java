package io.runnel.bench;

import io.runnel.api.common.JobStatus;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * W5: W4-heap with one injected failure half-way, at record n / 2 (10M of the default 20M), and a restart with no
 * delay: words → {@link FailureInjector} (chained to the source) → keyBy word → {@link RunningCount} →
 * {@link CheckpointedChecksum} → {@link DiscardingSink}. Reports, besides the throughput (restart and replay
 * included) and the checkpoints, the engine's time from the failure to the first record a restored source emits
 * ({@code MiniClusterJobClient.getRecoveryTimesNanos()}).
 *
 * <p><b>Contract:</b> every run fails exactly once (at parallelism p, on the first subtask to pass n / 2 / p
 * records; at p = 1 on the record of index n / 2), restarts exactly once from the latest completed checkpoint
 * (from the beginning if none completed yet), and finishes with W2's count and checksum, or the run throws.
 * The checksum is counted by {@link CheckpointedChecksum}, whose totals are restored with the keyed state, rather
 * than by W2's sink, whose writer would forget what it counted before the failure: so W2's checksum here means
 * the keyed state and the totals were restored to the same checkpoint and every replayed record was counted once,
 * i.e. exactly-once state. Apart from the injector and the counting step being an operator rather than the sink's
 * writer (the same per-record work), the job is W4-heap's.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}).
 */
final class RecoveryWorkload implements Workload {

    private final long records;

    /** @param records n, the number of words, as W2's */
    RecoveryWorkload(long records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "W5";
    }

    @Override
    public long inputRecords() {
        return records;
    }

    @Override
    public OptionalLong expectedSinkRecords() {
        return OptionalLong.of(records);
    }

    /** @return the index of the record W5 fails on at parallelism 1 */
    long failureIndex() {
        return records / 2;
    }

    @Override
    public RunResult runEngine(int parallelism) throws Exception {
        String runId = UUID.randomUUID().toString();
        FailureInjector.Run failure = FailureInjector.arm(runId);
        try (CheckpointedRun run = CheckpointedRun.create("runnel-bench-W5-")) {
            StreamExecutionEnvironment env = ZipfWordCountWorkload.environment(parallelism, false);
            run.configure(env);
            env.setRestartStrategy(RestartStrategies.fixedDelay(1, Duration.ZERO));
            DataStream<String> words = ZipfWordCountWorkload.words(env, records)
                    .map(new FailureInjector<>(runId, failureIndex() / parallelism));
            ZipfWordCountWorkload.countWords(words)
                    .process(new CheckpointedChecksum<>(ZipfWordCountWorkload::fingerprint))
                    .sinkTo(new DiscardingSink<>());
            CheckpointedRun.Outcome outcome = run.execute(env, "W5 zipf word count with a failure p" + parallelism);
            long recoveryNanos = checkOneRecovery(failure, outcome);
            return new RunResult(records, CountingSink.count(outcome.result()),
                    CountingSink.checksum(outcome.result()), outcome.elapsedNanos(),
                    outcome.result().getNetRuntimeMillis(), outcome.checkpoints(), recoveryNanos,
                    detail(failure, recoveryNanos));
        } finally {
            FailureInjector.disarm(runId);
        }
    }

    /** @return the one recovery's time; throws unless the run failed, restarted and recovered exactly once */
    private static long checkOneRecovery(FailureInjector.Run failure, CheckpointedRun.Outcome outcome) {
        long restarts = outcome.history().stream().filter(c -> c.status() == JobStatus.RESTARTING).count();
        List<Long> recoveries = outcome.recoveryNanos();
        if (!failure.failed() || restarts != 1 || recoveries.size() != 1) {
            throw new IllegalStateException(String.format(Locale.ROOT, "W5 must fail, restart and recover exactly "
                    + "once per run: injected %s, %d restarts, recovery times %s; status history %s",
                    failure.failed(), restarts, recoveries, outcome.history()));
        }
        return recoveries.get(0);
    }

    private static String detail(FailureInjector.Run failure, long recoveryNanos) {
        long bench = failure.throwToFirstRecordNanos();
        return String.format(Locale.ROOT, "failed after %d completed checkpoint(s)%s; failure seen by the "
                + "JobManager -> first restored record %.1f ms (engine); throw -> first record at the failing step "
                + "%s (bench)", failure.checkpointsBeforeFailure(),
                failure.checkpointsBeforeFailure() == 0 ? " (so restarted from the beginning)" : "",
                recoveryNanos / 1e6, bench < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", bench / 1e6));
    }

    /** @throws UnsupportedOperationException always: W5's loop is W2's (see {@link #reference()}) */
    @Override
    public RunResult runLoop(boolean boxed) {
        throw new UnsupportedOperationException("W5 has no loop of its own; its reference is W2's loop");
    }

    @Override
    public boolean hasUnboxedLoop() {
        return false;
    }

    @Override
    public Optional<String> reference() {
        return Optional.of("W2");
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of("W4-heap");
    }
}
