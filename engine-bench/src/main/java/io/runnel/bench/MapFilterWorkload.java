package io.runnel.bench;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.connector.datagen.SequenceSource;
import java.util.OptionalLong;

/**
 * W1: the longs {@code 0 .. n-1} → map {@code x * 3 + 1} → keep even values → counting sink. Everything chains
 * into one task per subtask; at parallelism p the {@link SequenceSource} cuts the range into p splits.
 *
 * <p><b>Contract:</b> {@code x * 3 + 1} is even exactly when x is odd, so {@code floor(n / 2)} records reach the
 * sink (25M for the default 50M); the checksum is the wrapping sum of the values that reach it.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}); the loops' escape fields are owned by it.
 */
final class MapFilterWorkload implements Workload {

    /** Input records of the full benchmark. */
    static final long DEFAULT_RECORDS = 50_000_000L;

    private static final MapFunction<Long, Long> MAP = x -> x * 3 + 1;
    private static final FilterFunction<Long> FILTER = x -> x % 2 == 0;

    private final long records;
    /** Where the boxed loop lets its boxes escape (see {@link #runBoxedLoop()}); owner: the running thread. */
    private Long lastInput;
    private Long lastOutput;

    /** @param records n, the number of input longs */
    MapFilterWorkload(long records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "W1";
    }

    @Override
    public long inputRecords() {
        return records;
    }

    @Override
    public OptionalLong expectedSinkRecords() {
        return OptionalLong.of(records / 2);
    }

    @Override
    public RunResult runEngine(int parallelism) throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        env.fromSource(new SequenceSource(0, records - 1), "numbers")
                .map(MAP)
                .filter(FILTER)
                .sinkTo(new CountingSink<>(MapFilterWorkload::fingerprint));
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W1 map-filter p" + parallelism);
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, CountingSink.count(result), CountingSink.checksum(result), elapsed,
                result.getNetRuntimeMillis());
    }

    /** The sink's fingerprint of a value: the value itself, so the checksum is the sum of the even values. */
    static long fingerprint(Long value) {
        return value;
    }

    @Override
    public RunResult runLoop(boolean boxed) {
        return boxed ? runBoxedLoop() : runUnboxedLoop();
    }

    @Override
    public boolean hasUnboxedLoop() {
        return true;
    }

    /**
     * The loop the engine is compared with. It boxes as the engine does: the source boxes each number
     * ({@code Long.valueOf}, which allocates above 127), the map returns a new {@code Long}, and the sink receives
     * that object. Storing both boxes in fields makes them escape, so C2's escape analysis cannot scalar-replace
     * them as it could in a loop whose boxes stay local; the per-record cost of two allocations and two field
     * stores stays in the figure, as it does in the engine.
     */
    private RunResult runBoxedLoop() {
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        for (long i = 0; i < records; i++) {
            Long in = i;
            lastInput = in;
            Long out = in * 3 + 1;
            if (out % 2 == 0) {
                lastOutput = out;
                count++;
                checksum += fingerprint(out);
            }
        }
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, count, checksum, elapsed, -1);
    }

    /** The same work on primitive longs, for reference: no allocation at all. */
    private RunResult runUnboxedLoop() {
        long start = System.nanoTime();
        long count = 0;
        long checksum = 0;
        for (long i = 0; i < records; i++) {
            long out = i * 3 + 1;
            if (out % 2 == 0) {
                count++;
                checksum += out;
            }
        }
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, count, checksum, elapsed, -1);
    }
}
