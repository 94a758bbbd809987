package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.LongCounter;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The large-state check (not a throughput workload): a keyed job on RocksDB whose state is several times its
 * memory budget writes one {@value #VALUE_BYTES}-byte {@code ValueState<byte[]>} value per key, then reads every key
 * back in a scattered order and compares each value with the expected bytes. Run by {@code ./runnel-bench
 * --large-state}, which forks a JVM with {@value #JVM_OPTIONS} whose {@link #main} runs it.
 *
 * <p><b>Contract:</b> with n keys (default {@value #DEFAULT_KEYS}, about 1.2 GB of values against
 * {@value #MANAGED_MEMORY_MIB} MiB of RocksDB managed memory and a 512 MiB heap), the job at parallelism 1 reads
 * records {@code 0 .. 2n-1} of an {@link IndexedSource}: record {@code i < n} writes key {@code i}, record
 * {@code n + j} verifies key {@code (j * STRIDE) mod n}, a permutation of the keys because the prime
 * {@code STRIDE} exceeds n. A single split keeps every write before every read. The value of a key is a pure
 * function of the key ({@link #valueOf}). The fork prints a {@value #PREFIX} line with the keys verified, the
 * mismatches (a missing or different value), the elapsed time of the job and of its write phase, the bytes under
 * the RocksDB directory measured just after the last read (before the backend closes and deletes it; what is still
 * in the memtables is not on disk, so a small run may report little), and the
 * fork's peak resident set size ({@code VmHWM} of {@code /proc/self/status}, -1 where there is none). It exits 1
 * if a key was not verified or a value mismatched.
 *
 * <p><b>Threading:</b> {@link #main} runs on the fork's main thread; the job's function on its task thread.
 */
public final class LargeStateCheck {

    /** Options of the check's fork: the heap is small on purpose, so that the state cannot hide in it. */
    static final String JVM_OPTIONS = "-Xms512m -Xmx512m -XX:+UseParallelGC";
    /** Start of the result line. */
    static final String PREFIX = "RUNNEL-LARGE-STATE";
    /** Keys of the full check. */
    static final long DEFAULT_KEYS = 2_000_000L;
    /** Bytes of each key's value. */
    static final int VALUE_BYTES = 600;
    /** The RocksDB native memory budget (block cache and write buffers). */
    static final long MANAGED_MEMORY_MIB = 100;
    /** A prime larger than any key count, so {@code j -> j * STRIDE mod n} permutes {@code [0, n)}. */
    static final long STRIDE = 1_000_000_007L;

    private static final String DISK_BYTES = "rocksdb-bytes";
    private static final String WRITE_MILLIS = "write-millis";
    private static final long VALUE_SEED = 20_240_603L;
    private static final KeySelector<StateOperation, Long> KEY = op -> op.key();

    private LargeStateCheck() {
    }

    /**
     * Runs the check and exits: 0 if every key was verified with no mismatch, 1 otherwise or on failure.
     *
     * @param args optionally the number of keys (default {@value #DEFAULT_KEYS})
     */
    public static void main(String[] args) {
        int code;
        try {
            long keys = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_KEYS;
            code = run(keys, System.out);
        } catch (Exception e) {
            // The stack trace goes to the runner, which copies the fork's output.
            e.printStackTrace();
            code = 1;
        }
        // Exit explicitly: a thread the engine failed to end must not keep the fork waiting.
        System.exit(code);
    }

    /**
     * Runs the job in this JVM and prints its report.
     *
     * @param keys n, the number of keys, {@code 1 <= n < STRIDE}
     * @return 0 if every key was verified with no mismatch, else 1
     * @throws Exception if the job fails or the directory cannot be made
     */
    static int run(long keys, PrintStream out) throws Exception {
        if (keys < 1 || keys >= STRIDE) {
            throw new IllegalArgumentException("keys must be in [1, " + STRIDE + "), got " + keys);
        }
        Path directory = Files.createTempDirectory("runnel-large-state-");
        out.printf(Locale.ROOT, "large state: %,d keys x %d bytes = %.2f GB of values, RocksDB managed memory %d MiB,"
                + " max heap %d MiB, directory %s%n", keys, VALUE_BYTES, keys * (double) VALUE_BYTES / 1e9,
                MANAGED_MEMORY_MIB, Runtime.getRuntime().maxMemory() >> 20, directory);
        JobExecutionResult result;
        long elapsed;
        try {
            StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
            // One split, so that every write precedes every read.
            env.setParallelism(1);
            env.setStateBackend(new EmbeddedRocksDBStateBackend(directory, MANAGED_MEMORY_MIB << 20));
            env.fromSource(new IndexedSource<>(2 * keys, new Operations(keys)), "state-operations")
                    .keyBy(KEY)
                    .process(new WriteThenVerify(keys, directory.toString()))
                    .sinkTo(new CountingSink<>(mismatch -> mismatch));
            long start = System.nanoTime();
            result = env.execute("large state check " + keys + " keys");
            elapsed = System.nanoTime() - start;
        } finally {
            deleteRecursively(directory);
        }
        long verified = CountingSink.count(result);
        long mismatches = CountingSink.checksum(result);
        out.printf(Locale.ROOT, "%s keys=%d verified=%d mismatches=%d elapsedMillis=%d writeMillis=%d diskBytes=%d "
                + "peakRssBytes=%d%n", PREFIX, keys, verified, mismatches, elapsed / 1_000_000,
                result.getCounter(WRITE_MILLIS), result.getCounter(DISK_BYTES), peakRssBytes());
        return verified == keys && mismatches == 0 ? 0 : 1;
    }

    /**
     * @param line a {@value #PREFIX} line
     * @return its figures in human units, e.g. {@code "large state: 2,000,000 keys verified, 0 mismatches in
     *     95.2 s (writes 40.1 s); 1.31 GB on disk, peak RSS 780 MiB"}
     * @throws IllegalArgumentException if the line lacks a field
     */
    static String summarize(String line) {
        Map<String, Long> fields = new HashMap<>();
        for (String part : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        for (String name : List.of("verified", "mismatches", "elapsedMillis", "writeMillis", "diskBytes",
                "peakRssBytes")) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("no " + name + " in '" + line + "'");
            }
        }
        return String.format(Locale.ROOT, "large state: %,d keys verified, %,d mismatches in %.1f s (writes %.1f s);"
                + " %.2f GB on disk before close, peak RSS %,d MiB", fields.get("verified"), fields.get("mismatches"),
                fields.get("elapsedMillis") / 1e3, fields.get("writeMillis") / 1e3, fields.get("diskBytes") / 1e9,
                fields.get("peakRssBytes") >> 20);
    }

    /**
     * @return the value of {@code key}: {@value #VALUE_BYTES} bytes of SplitMix64 output seeded by the key, which
     *     RocksDB cannot compress, so the bytes on disk reflect the state's real size
     */
    static byte[] valueOf(long key) {
        byte[] value = new byte[VALUE_BYTES];
        long state = DrawCursor.mix64(VALUE_SEED + key * DrawCursor.GOLDEN_GAMMA);
        for (int i = 0; i < VALUE_BYTES; i += Long.BYTES) {
            state += DrawCursor.GOLDEN_GAMMA;
            long bits = DrawCursor.mix64(state);
            for (int b = 0; b < Long.BYTES && i + b < VALUE_BYTES; b++) {
                value[i + b] = (byte) (bits >>> (8 * b));
            }
        }
        return value;
    }

    /** @return this process's peak resident set size in bytes ({@code VmHWM}), or -1 without {@code /proc} */
    static long peakRssBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("[^0-9]", ""))
                    .mapToLong(kb -> Long.parseLong(kb) * 1024)
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
    }

    /** @return the total size in bytes of the regular files under {@code directory} */
    static long bytesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(LargeStateCheck::sizeOrZero).sum();
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            // RocksDB deletes obsolete files while compacting; a file that vanished mid-walk holds no state.
            return 0;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One step of the check.
     *
     * <p><b>Threading:</b> immutable.
     *
     * @param key the key to write or verify, in {@code [0, n)}
     * @param verify false to write the key's value, true to read it back and compare
     */
    record StateOperation(long key, boolean verify) {
    }

    /**
     * Record {@code i < n} writes key {@code i}; record {@code n + j} verifies key {@code (j * STRIDE) mod n}.
     *
     * <p><b>Threading:</b> immutable; cursors are owned by one thread.
     *
     * @param keys n
     */
    record Operations(long keys) implements IndexedGenerator<StateOperation> {

        @Override
        public Cursor<StateOperation> cursorAt(long index) {
            if (index < 0) {
                throw new IllegalArgumentException("index must not be negative, got " + index);
            }
            long[] next = {index};
            return () -> at(next[0]++);
        }

        @Override
        public TypeInformation<StateOperation> producedType() {
            return TypeInformation.of(StateOperation.class);
        }

        /** @return the operation at {@code index} */
        StateOperation at(long index) {
            if (index < keys) {
                return new StateOperation(index, false);
            }
            // (j * STRIDE) fits in a long for j < n < STRIDE < 2^30.
            return new StateOperation(Math.floorMod((index - keys) * STRIDE, keys), true);
        }
    }

    /**
     * Writes a key's value, or reads it back and emits 1 if it differs from {@link #valueOf} (or is missing) and 0
     * if it matches; after the n-th read it adds the bytes under the RocksDB directory to a counter.
     *
     * <p><b>Threading:</b> task thread only.
     *
     * <p><b>Lifecycle:</b> {@link #open()} gets the state handle and the counters.
     */
    @NotThreadSafe
    static final class WriteThenVerify extends KeyedProcessFunction<Long, StateOperation, Long> {
        private static final long serialVersionUID = 1L;

        private final long keys;
        private final String directory;
        /** Owner: task thread; set in {@link #open()}. */
        private transient ValueState<byte[]> value;
        /** Owner: task thread; set in {@link #open()}. */
        private transient LongCounter diskBytes;
        /** Owner: task thread; set in {@link #open()}. */
        private transient LongCounter writeMillis;
        /** When {@link #open()} ran, in {@link System#nanoTime()} units; owner: task thread. */
        private long openedNanos;
        /** Owner: task thread. */
        private long verified;

        WriteThenVerify(long keys, String directory) {
            this.keys = keys;
            this.directory = directory;
        }

        @Override
        public void open() {
            value = getRuntimeContext().getState(new ValueStateDescriptor<>("value", byte[].class));
            diskBytes = getRuntimeContext().getLongCounter(DISK_BYTES);
            writeMillis = getRuntimeContext().getLongCounter(WRITE_MILLIS);
            openedNanos = System.nanoTime();
        }

        @Override
        public void processElement(StateOperation op, Context ctx, Collector<Long> out) throws IOException {
            if (!op.verify()) {
                value.update(valueOf(op.key()));
                return;
            }
            if (verified == 0) {
                writeMillis.add((System.nanoTime() - openedNanos) / 1_000_000);
            }
            byte[] stored = value.value();
            out.collect(stored != null && Arrays.equals(stored, valueOf(op.key())) ? 0L : 1L);
            verified++;
            if (verified == keys) {
                diskBytes.add(bytesUnder(Path.of(directory)));
            }
        }
    }
}
