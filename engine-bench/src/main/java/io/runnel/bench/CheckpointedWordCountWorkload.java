package io.runnel.bench;

import io.runnel.api.common.JobStatus;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * W4: W2's job ({@link ZipfWordCountWorkload}: the same input, keyed running count and counting sink) with
 * exactly-once checkpoints every {@value CheckpointedRun#INTERVAL_SECONDS} s into a temporary directory, with the
 * keyed state on the heap (W4-heap) or in RocksDB (W4-RocksDB, incremental). Besides the throughput each run
 * reports its checkpoints' count, durations and sizes ({@link CheckpointFigures}).
 *
 * <p><b>Contract:</b> the records reaching the sink, and so the count and checksum, are W2's: checkpoints must not
 * change what a job computes. There is no restart (a failure fails the run). W4 has no loop of its own; its
 * {@link #reference()} is W2, whose loop each fork checks the checksum against after its measured runs, and its
 * throughput is compared with W2's (heap) or W2-RocksDB's in the same invocation.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}).
 */
final class CheckpointedWordCountWorkload implements Workload {

    private final long records;
    private final boolean rocksDb;

    /**
     * @param records n, the number of words, as W2's
     * @param rocksDb true for W4-RocksDB, false for W4-heap
     */
    CheckpointedWordCountWorkload(long records, boolean rocksDb) {
        this.records = records;
        this.rocksDb = rocksDb;
    }

    @Override
    public String name() {
        return rocksDb ? "W4-RocksDB" : "W4-heap";
    }

    @Override
    public long inputRecords() {
        return records;
    }

    @Override
    public OptionalLong expectedSinkRecords() {
        return OptionalLong.of(records);
    }

    @Override
    public RunResult runEngine(int parallelism) throws Exception {
        try (CheckpointedRun run = CheckpointedRun.create("runnel-bench-" + name() + "-")) {
            StreamExecutionEnvironment env = ZipfWordCountWorkload.environment(parallelism, rocksDb);
            run.configure(env);
            env.setRestartStrategy(RestartStrategies.noRestart());
            ZipfWordCountWorkload.addJob(env, records);
            CheckpointedRun.Outcome outcome = run.execute(env, name() + " zipf word count p" + parallelism);
            if (outcome.history().stream().anyMatch(c -> c.status() == JobStatus.RESTARTING)) {
                throw new IllegalStateException(name() + " restarted although nothing failed on purpose: "
                        + outcome.history());
            }
            return new RunResult(records, CountingSink.count(outcome.result()),
                    CountingSink.checksum(outcome.result()), outcome.elapsedNanos(),
                    outcome.result().getNetRuntimeMillis(), outcome.checkpoints(), -1, "");
        }
    }

    /** @throws UnsupportedOperationException always: W4's loop is W2's (see {@link #reference()}) */
    @Override
    public RunResult runLoop(boolean boxed) {
        throw new UnsupportedOperationException(name() + " has no loop of its own; its reference is W2's loop");
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
        return Optional.of(rocksDb ? "W2-RocksDB" : "W2");
    }
}
