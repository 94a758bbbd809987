package io.runnel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.OutputTag;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.SlidingEventTimeWindows;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.runtime.operators.windowing.SlicingWindowOperator;
import io.runnel.runtime.operators.windowing.WindowOperator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Window operators built from DataStream code, restored into a fresh harness before every step of a script
 * (so also mid-window, with elements buffered and timers pending) and fired by later watermarks: the outputs must
 * equal an uninterrupted run's exactly, on both state backends. Covers the slicing operator (tumbling reduce,
 * sliding aggregate) and the generic one (allowed lateness, a process window function, late data).
 */
class WindowOperatorRestoreTest {

    static final OutputTag<Long> LATE = new OutputTag<>("late", TypeInformation.of(Long.class));

    @TempDir
    Path checkpoints;

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of("hashmap", 20L * 1024), Arguments.of("hashmap", 0L),
                Arguments.of("rocksdb", 20L * 1024));
    }

    /** Averages longs; the accumulator is {sum, count}, replaced rather than changed in place. */
    static final class Average implements AggregateFunction<Long, long[], Double> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            return new long[] {acc[0] + value, acc[1] + 1};
        }

        @Override
        public Double getResult(long[] acc) {
            return (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Emits {@code key[start,end)=max} for a window holding the maximum of its elements. */
    static final class DescribeWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context context, Iterable<Long> elements, Collector<String> out) {
            TimeWindow w = context.window();
            out.collect(key + "[" + w.getStart() + "," + w.getEnd() + ")=" + elements.iterator().next());
        }
    }

    private <OUT> OperatorTestHarnessBuilder<Long, OUT> builder(
            Function<DataStream<Long>, DataStream<OUT>> pipeline, String backend, long inlineThresholdBytes) {
        return OneInputOperatorTestHarness.forPipeline(TypeInformation.of(Long.class), pipeline)
                .stateBackend(backend)
                .configuration(new Configuration().set(CheckpointingOptions.MEMORY_THRESHOLD, inlineThresholdBytes))
                .checkpointDirectory(checkpoints);
    }

    /** Keys 0..2 (value % 3), event times spread over four 10 ms windows, watermarks in between. */
    static Script<Long> script() {
        return new Script<Long>()
                .element(1L, 1).element(2L, 3).element(4L, 7).watermark(5).element(5L, 9).element(3L, 12)
                .watermark(10).element(6L, 14).element(7L, 25).watermark(19).element(8L, 27).element(9L, 31)
                .watermark(40).element(10L, 44).watermark(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0}, inline below {1} bytes")
    @MethodSource("backends")
    void tumblingReduceRestoredMidWindowFiresAsIfNeverInterrupted(String backend, long inlineThresholdBytes)
            throws Exception {
        Function<DataStream<Long>, DataStream<Long>> pipeline = in -> in.keyBy(v -> v % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce(Long::sum);
        try (OneInputOperatorTestHarness<Long, Long> harness =
                     builder(pipeline, backend, inlineThresholdBytes).build()) {
            assertInstanceOf(SlicingWindowOperator.class, harness.getOperator());
        }

        RestoreChecks.Emitted all = RestoreChecks.assertEveryCutRestoresExactly(
                () -> builder(pipeline, backend, inlineThresholdBytes), script(), List.of());

        // Window [0,10): key 1 holds 1 + 4, key 2 holds 2 + 5; both carry the window's max timestamp 9.
        assertTrue(all.main().contains(OutputElement.record(5L, 9)), all.main().toString());
        assertTrue(all.main().contains(OutputElement.record(7L, 9)), all.main().toString());
    }

    @ParameterizedTest(name = "{0}, inline below {1} bytes")
    @MethodSource("backends")
    void slidingAggregateRestoredMidWindowFiresAsIfNeverInterrupted(String backend, long inlineThresholdBytes)
            throws Exception {
        Function<DataStream<Long>, DataStream<Double>> pipeline = in -> in.keyBy(v -> v % 3)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(15), Duration.ofMillis(5)))
                .aggregate(new Average());
        try (OneInputOperatorTestHarness<Long, Double> harness =
                     builder(pipeline, backend, inlineThresholdBytes).build()) {
            assertInstanceOf(SlicingWindowOperator.class, harness.getOperator());
        }

        RestoreChecks.Emitted all = RestoreChecks.assertEveryCutRestoresExactly(
                () -> builder(pipeline, backend, inlineThresholdBytes), script(), List.of());

        // Window [0,15) of key 1 holds 1@1 and 4@7: average 2.5, at the window's max timestamp 14.
        assertTrue(all.main().contains(OutputElement.record(2.5, 14)), all.main().toString());
    }

    @ParameterizedTest(name = "{0}, inline below {1} bytes")
    @MethodSource("backends")
    void lateFiringsAndDroppedLateDataSurviveARestore(String backend, long inlineThresholdBytes) throws Exception {
        Function<DataStream<Long>, DataStream<String>> pipeline = in -> in.keyBy(v -> v % 3)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(10))
                .sideOutputLateData(LATE)
                .reduce(Math::max, new DescribeWindow());
        try (OneInputOperatorTestHarness<Long, String> harness =
                     builder(pipeline, backend, inlineThresholdBytes).build()) {
            assertInstanceOf(WindowOperator.class, harness.getOperator());
        }
        Script<Long> script = new Script<Long>()
                .element(1L, 1).element(4L, 5).element(2L, 8).watermark(10)
                // Late but within the allowed lateness: window [0,10) of key 1 fires again.
                .element(7L, 6).element(3L, 12).watermark(15)
                .element(10L, 2).watermark(25)
                // Window [0,10) is gone (9 + 10 <= 25): dropped to the side output.
                .element(13L, 4).element(6L, 26).watermark(Long.MAX_VALUE);

        RestoreChecks.Emitted all = RestoreChecks.assertEveryCutRestoresExactly(
                () -> builder(pipeline, backend, inlineThresholdBytes), script, List.<OutputTag<?>>of(LATE));

        assertEquals(List.of(OutputElement.record(13L, 4)), all.sides().get("late"));
        assertTrue(all.main().contains(OutputElement.record("1[0,10)=7", 9)), all.main().toString());
        assertTrue(all.main().contains(OutputElement.record("1[0,10)=10", 9)), all.main().toString());
    }
}
