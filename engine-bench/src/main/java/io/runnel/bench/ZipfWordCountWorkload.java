package io.runnel.bench;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.Tuple2;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.KeySelector;
import io.runnel.state.rocksdb.EmbeddedRocksDBStateBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * W2: n words drawn from Zipf(s = {@value #EXPONENT}) over {@code w0 .. w99999} → keyBy word → running count in
 * keyed {@code ValueState<Long>} ({@link RunningCount}) → counting sink.
 *
 * <p><b>Contract:</b> every input word yields one {@code (word, count)} record, so n records reach the sink (20M for
 * the default). The checksum is the wrapping sum over all emitted pairs of {@link #fingerprint(Tuple2)}. Since the
 * pairs of a word seen c times are exactly {@code (word, 1) .. (word, c)}, equal checksums mean equal multisets of
 * pairs (up to hash collisions) and therefore equal final counts; the sum does not depend on how the engine
 * interleaves keys, so p = 1, p = 2 and the loop must agree. The draws are fixed by {@value #SEED} and the index
 * (see {@link DrawCursor}).
 *
 * <p>W2-RocksDB is the same job, input, loop and checksum with the keyed state in the RocksDB backend
 * ({@link EmbeddedRocksDBStateBackend} with its defaults: the JVM's temporary directory and 128 MiB of native memory
 * per subtask), so the pair of figures shows what serializing every state access to RocksDB costs.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}).
 */
final class ZipfWordCountWorkload implements Workload {

    /** Input records of the full benchmark. */
    static final long DEFAULT_RECORDS = 20_000_000L;
    /** Number of distinct words. */
    static final int VOCABULARY_SIZE = 100_000;
    /** The Zipf exponent s. */
    static final double EXPONENT = 1.1;
    /** Seed of the draws. */
    static final long SEED = 20_240_601L;

    /** The words of the source and of the loop. */
    static final ZipfWordGenerator GENERATOR = new ZipfWordGenerator(VOCABULARY_SIZE, EXPONENT, SEED);

    private static final KeySelector<String, String> WORD = word -> word;

    private final long records;
    private final boolean rocksDb;

    /**
     * @param records n, the number of words to draw
     * @param rocksDb true for W2-RocksDB (keyed state in RocksDB), false for W2 (the default heap state)
     */
    ZipfWordCountWorkload(long records, boolean rocksDb) {
        this.records = records;
        this.rocksDb = rocksDb;
    }

    @Override
    public String name() {
        return rocksDb ? "W2-RocksDB" : "W2";
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
        StreamExecutionEnvironment env = environment(parallelism, rocksDb);
        addJob(env, records);
        long start = System.nanoTime();
        JobExecutionResult result = env.execute(name() + " zipf word count p" + parallelism);
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, CountingSink.count(result), CountingSink.checksum(result), elapsed,
                result.getNetRuntimeMillis());
    }

    /**
     * Builds the table of the words (cached per JVM, so that no run's clock includes it, as the loop's does not)
     * and returns an environment for W2's job at {@code parallelism}, with the keyed state in RocksDB if
     * {@code rocksDb}; W4 and W5 ({@link CheckpointedWordCountWorkload}, {@link RecoveryWorkload}) start from it.
     */
    static StreamExecutionEnvironment environment(int parallelism, boolean rocksDb) {
        ZipfTable.of(VOCABULARY_SIZE, EXPONENT);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        if (rocksDb) {
            env.setStateBackend(new EmbeddedRocksDBStateBackend());
        }
        return env;
    }

    /** Adds W2's job to {@code env}: {@code records} words → keyBy word → {@link RunningCount} → counting sink. */
    static void addJob(StreamExecutionEnvironment env, long records) {
        countWords(words(env, records)).sinkTo(new CountingSink<>(ZipfWordCountWorkload::fingerprint));
    }

    /** @return W2's keyed step on {@code words}: keyBy word → {@link RunningCount}, one pair per word */
    static DataStream<Tuple2<String, Long>> countWords(DataStream<String> words) {
        return words.keyBy(WORD).process(new RunningCount());
    }

    /** @return W2's input: {@code records} words drawn from Zipf(s), record i depending only on (seed, i) */
    static DataStream<String> words(StreamExecutionEnvironment env, long records) {
        return env.fromSource(new IndexedSource<>(records, GENERATOR), "zipf-words");
    }

    /** @return a well-mixed 64-bit fingerprint of a (word, count) pair; {@code String.hashCode} is JVM-stable */
    static long fingerprint(Tuple2<String, Long> pair) {
        return DrawCursor.mix64(pair.f0().hashCode() * DrawCursor.GOLDEN_GAMMA + pair.f1());
    }

    /**
     * The same work in one thread: the same draws, a {@code HashMap<String, Long>} for the counts (boxed, as the
     * engine's heap state keeps {@code Long}s), and the same {@code (word, count)} pair handed to the same counting
     * step as the sink's.
     */
    @Override
    public RunResult runLoop(boolean boxed) {
        if (!boxed) {
            throw new UnsupportedOperationException(name() + " has only the boxed loop (its state is a Map<String, Long>)");
        }
        ZipfTable table = ZipfTable.of(VOCABULARY_SIZE, EXPONENT);
        long start = System.nanoTime();
        DrawCursor draws = new DrawCursor(SEED, 0);
        Map<String, Long> counts = new HashMap<>();
        long sinkRecords = 0;
        long checksum = 0;
        for (long i = 0; i < records; i++) {
            String word = table.wordFor(draws.nextDouble());
            Long previous = counts.get(word);
            Long next = previous == null ? 1L : previous + 1;
            counts.put(word, next);
            Tuple2<String, Long> pair = Tuple2.of(word, next);
            sinkRecords++;
            checksum += fingerprint(pair);
        }
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, sinkRecords, checksum, elapsed, -1);
    }

    @Override
    public boolean hasUnboxedLoop() {
        return false;
    }
}
