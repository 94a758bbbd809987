package io.runnel.bench;

import io.runnel.api.common.JobStatus;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.file.FileSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * W6: the longs {@code 0 .. n-1} (5M by default) → {@link FailureInjector} (throws once, half-way) →
 * {@link FileSink} with its defaults (processing-time hour buckets, 128 MiB parts, one line per record), exactly-once
 * checkpoints every second, and an immediate restart. Afterwards the finished part files must hold exactly n lines,
 * every number once, and no unfinished part file may remain; the run throws otherwise.
 *
 * <p><b>Contract:</b> the engine's figure is the wall clock time of the job (failure, restart and replay included),
 * not the verification that reads the files back. Count and checksum are the finished files' line count and the
 * wrapping sum of their numbers, which the loop computes as {@code n} and {@code n(n-1)/2}. The loop writes the
 * same lines into one file with a {@link BufferedWriter} and forces it to disk once: the I/O floor without
 * transactions. The bar is 2 × Flink 1.20.3's FileSink at parallelism 1 on this machine (546 K rec/s),
 * i.e. {@value #TARGET_RECORDS_PER_SECOND} records/s.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}).
 */
final class FileSinkWorkload implements Workload {

    /** Input records of the full benchmark. */
    static final long DEFAULT_RECORDS = 5_000_000L;
    /** The target for the engine at parallelism 1, records/s. */
    static final long TARGET_RECORDS_PER_SECOND = 1_092_000L;

    private final long records;

    /** @param records n, the number of longs */
    FileSinkWorkload(long records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "W6";
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
        String runId = UUID.randomUUID().toString();
        FailureInjector.Run failure = FailureInjector.arm(runId);
        Path output = Files.createTempDirectory("runnel-bench-W6-out-");
        try (CheckpointedRun run = CheckpointedRun.create("runnel-bench-W6-")) {
            StreamExecutionEnvironment env = ZipfWordCountWorkload.environment(parallelism, false);
            run.configure(env);
            env.setRestartStrategy(RestartStrategies.fixedDelay(1, Duration.ZERO));
            env.fromSource(new SequenceSource(0, records - 1), "numbers")
                    .map(new FailureInjector<Long>(runId, records / 2 / parallelism))
                    .addSink(FileSink.forRowFormat(output, (Long v) -> Long.toString(v)).build());
            CheckpointedRun.Outcome outcome = run.execute(env, "W6 exactly-once file sink p" + parallelism);
            long restarts = outcome.history().stream().filter(c -> c.status() == JobStatus.RESTARTING).count();
            if (!failure.failed() || restarts != 1) {
                throw new IllegalStateException("W6 must fail and restart exactly once per run: injected "
                        + failure.failed() + ", " + restarts + " restarts; " + outcome.history());
            }
            long[] countAndChecksum = verify(output);
            long recovery = outcome.recoveryNanos().isEmpty() ? -1 : outcome.recoveryNanos().get(0);
            return new RunResult(records, countAndChecksum[0], countAndChecksum[1], outcome.elapsedNanos(),
                    outcome.result().getNetRuntimeMillis(), outcome.checkpoints(), recovery,
                    String.format(Locale.ROOT, "failed after %d completed checkpoint(s); %d finished part files "
                            + "hold each of the %d numbers once", failure.checkpointsBeforeFailure(),
                            FileSink.finishedPartFiles(output).size(), records));
        } finally {
            FailureInjector.disarm(runId);
            deleteRecursively(output);
        }
    }

    /**
     * @return {count, checksum} of the finished part files' lines
     * @throws IllegalStateException if a number is missing or repeated, a line is not a number of the input, or an
     *     unfinished part file remains
     */
    private long[] verify(Path output) throws IOException {
        BitSet seen = new BitSet((int) records);
        long count = 0;
        long checksum = 0;
        for (Path part : FileSink.finishedPartFiles(output)) {
            try (BufferedReader in = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long v = Long.parseLong(line);
                    if (v < 0 || v >= records || seen.get((int) v)) {
                        throw new IllegalStateException("W6: " + part + " holds " + v + ", which is out of range "
                                + "or was seen before: not exactly once");
                    }
                    seen.set((int) v);
                    count++;
                    checksum += v;
                }
            }
        }
        if (count != records) {
            throw new IllegalStateException("W6: the finished part files hold " + count + " of " + records
                    + " numbers; first missing: " + seen.nextClearBit(0));
        }
        try (Stream<Path> files = Files.walk(output)) {
            List<Path> unfinished = files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().startsWith(".")).toList();
            if (!unfinished.isEmpty()) {
                throw new IllegalStateException("W6: unfinished part files remain: " + unfinished);
            }
        }
        return new long[] {count, checksum};
    }

    /** The same lines written by a plain buffered writer into one file, forced to disk once. */
    @Override
    public RunResult runLoop(boolean boxed) {
        if (!boxed) {
            throw new UnsupportedOperationException("W6 has no unboxed loop");
        }
        Path file = null;
        try {
            file = Files.createTempFile("runnel-bench-W6-loop-", ".txt");
            long start = System.nanoTime();
            long count = 0;
            long checksum = 0;
            try (FileOutputStream stream = new FileOutputStream(file.toFile());
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                         64 * 1024)) {
                for (long i = 0; i < records; i++) {
                    Long v = i;
                    out.write(Long.toString(v));
                    out.write('\n');
                    count++;
                    checksum += v;
                }
                out.flush();
                stream.getFD().sync();
            }
            return new RunResult(records, count, checksum, System.nanoTime() - start, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    @Override
    public boolean hasUnboxedLoop() {
        return false;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
