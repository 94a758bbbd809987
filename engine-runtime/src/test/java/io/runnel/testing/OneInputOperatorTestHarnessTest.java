package io.runnel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the operator test harness promises: ordering, clocks, threading, lifecycle and restore checks. */
class OneInputOperatorTestHarnessTest {

    private static OperatorTestHarnessBuilder<Long, String> countAndRemind() {
        return OneInputOperatorTestHarness
                .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class));
    }

    @Test
    void restoredHarnessFiresTheEventTimeTimerOfTheSnapshot() throws Exception {
        OperatorSnapshot snapshot;
        try (OneInputOperatorTestHarness<Long, String> harness = OneInputOperatorTestHarness
                .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class))
                .build()) {
            harness.processElement(4L, 10);
            harness.processWatermark(20);
            snapshot = harness.snapshot(1);
        }
        try (OneInputOperatorTestHarness<Long, String> restored = OneInputOperatorTestHarness
                .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class))
                .restoreFrom(snapshot)
                .build()) {
            restored.processWatermark(200);
            assertEquals(List.of(OutputElement.record("1:1 EVENT_TIME@110", 110), OutputElement.watermark(200)),
                    restored.getOutput());
        }
    }

    @Test
    void eventTimeTimerResultsPrecedeTheWatermarkThatFiredThem() throws Exception {
        try (OneInputOperatorTestHarness<Long, String> harness = countAndRemind().build()) {
            harness.processElement(1L, 5);
            harness.processElement(2L, 3);
            harness.processWatermark(50);
            harness.processWatermark(104);
            assertEquals(List.of(OutputElement.record("1:1", 5), OutputElement.record("2:1", 3),
                    OutputElement.watermark(50), OutputElement.record("2:1 EVENT_TIME@103", 103),
                    OutputElement.watermark(104)), harness.getOutput());
            assertEquals(List.of("1:1", "2:1", "2:1 EVENT_TIME@103"), harness.getOutputValues());
        }
    }

    @Test
    void processingTimeTimersFireOnlyWhenTheClockReachesThemAndInTimeOrder() throws Exception {
        try (OneInputOperatorTestHarness<Long, String> harness = countAndRemind().processingTime(1_000).build()) {
            harness.processElement(1L, 0);
            harness.setProcessingTime(1_020);
            harness.processElement(2L, 0);
            harness.setProcessingTime(1_049);
            assertEquals(List.of("1:1", "2:1"), harness.getOutputValues());

            harness.clearOutput();
            harness.setProcessingTime(5_000);
            // Timer results of processing time carry no event timestamp.
            assertEquals(List.of(OutputElement.record("1:1 PROCESSING_TIME@1050"),
                    OutputElement.record("2:1 PROCESSING_TIME@1070")), harness.getOutput());
            assertEquals(5_000, harness.getProcessingTime());
            assertThrows(IllegalArgumentException.class, () -> harness.setProcessingTime(4_999));
        }
    }

    /** Emits the previous value of the key, kept in state that expires 100 ms (processing time) after a write. */
    static final class Previous extends KeyedProcessFunction<Long, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> previous;

        @Override
        public void open() {
            ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("previous", Long.class);
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
            previous = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            out.collect(value + " after " + previous.value());
            previous.update(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void stateTimeToLiveFollowsTheManualClock(String backend) throws Exception {
        try (OneInputOperatorTestHarness<Long, String> harness = OneInputOperatorTestHarness
                .forKeyedProcessFunction(new Previous(), v -> 0L, TypeInformation.of(Long.class))
                .stateBackend(backend).build()) {
            harness.processElement(1L);
            harness.setProcessingTime(99);
            harness.processElement(2L);
            harness.setProcessingTime(199);
            harness.processElement(3L);
            assertEquals(List.of("1 after null", "2 after 1", "3 after null"), harness.getOutputValues());
        }
    }

    @Test
    void aRestoredOperatorStartsWithoutAWatermark() throws Exception {
        OperatorSnapshot snapshot;
        var pipeline = OneInputOperatorTestHarness.<Long, Long>forPipeline(TypeInformation.of(Long.class),
                in -> in.keyBy(v -> v % 3).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .reduce(Long::sum));
        try (OneInputOperatorTestHarness<Long, Long> harness = pipeline.build()) {
            harness.processWatermark(30);
            harness.processElement(3L, 5);
            assertEquals(List.of(OutputElement.watermark(30)), harness.getOutput());
            assertEquals(1L, harness.getAccumulatorResults().get("numLateRecordsDropped"));
            snapshot = harness.snapshot(1);
        }
        try (OneInputOperatorTestHarness<Long, Long> restored = pipeline.restoreFrom(snapshot).build()) {
            // Neither a checkpoint nor a harness snapshot holds the watermark; the restored task's inputs send
            // watermarks again. Until then, an element behind the old watermark is not late.
            restored.processElement(3L, 5);
            restored.processWatermark(30);
            assertEquals(List.of(OutputElement.record(3L, 9), OutputElement.watermark(30)), restored.getOutput());
        }
    }

    /** Forwards its input and sends odd values to {@link #ODD} as well. */
    static final class SplitOdd extends ProcessFunction<Long, Long> {
        static final OutputTag<Long> ODD = new OutputTag<>("odd", TypeInformation.of(Long.class));
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
            if (value % 2 == 1) {
                ctx.output(ODD, value);
            }
        }
    }

    @Test
    void nonKeyedProcessFunctionWritesSideOutputsWithTheRecordTimestamp() throws Exception {
        try (OneInputOperatorTestHarness<Long, Long> harness =
                     OneInputOperatorTestHarness.forProcessFunction(new SplitOdd()).build()) {
            harness.processElement(1L, 10);
            harness.processElement(2L);
            harness.processElement(3L);
            assertEquals(List.of(OutputElement.record(1L, 10), OutputElement.record(2L), OutputElement.record(3L)),
                    harness.getOutput());
            assertEquals(List.of(OutputElement.record(1L, 10), OutputElement.record(3L)),
                    harness.getSideOutput(SplitOdd.ODD));
            assertEquals(List.of(1L, 3L), harness.getSideOutputValues(SplitOdd.ODD));
            assertEquals(List.of(), harness.getSideOutput(new OutputTag<>("none", TypeInformation.of(Long.class))));
            assertEquals(null, harness.snapshot(1).state().keyedState());
        }
    }

    @Test
    void rejectsUseFromAnotherThread() throws Exception {
        try (OneInputOperatorTestHarness<Long, String> harness = countAndRemind().build()) {
            CompletableFuture<Void> elsewhere = CompletableFuture.runAsync(() -> {
                try {
                    harness.processElement(1L, 1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ExecutionException e = assertThrows(ExecutionException.class, elsewhere::get);
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
            assertTrue(e.getCause().getMessage().contains("must be used there"), e.getCause().getMessage());
            assertEquals(List.of(), harness.getOutput());
        }
    }

    @Test
    void closedHarnessRejectsInputButKeepsItsOutput() throws Exception {
        OneInputOperatorTestHarness<Long, String> harness = countAndRemind().build();
        harness.processElement(1L, 1);
        harness.close();
        harness.close();
        assertThrows(IllegalStateException.class, () -> harness.processElement(2L, 2));
        assertThrows(IllegalStateException.class, () -> harness.snapshot(1));
        assertEquals(List.of("1:1"), harness.getOutputValues());
    }

    @Test
    void pipelineMustApplyExactlyOneOperatorToItsInput() {
        TypeInformation<Long> longs = TypeInformation.of(Long.class);
        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> OneInputOperatorTestHarness.<Long, Long>forPipeline(longs, in -> in.map(v -> v + 1).map(v -> v)));
        assertTrue(two.getMessage().contains("exactly one operator"), two.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> OneInputOperatorTestHarness.<Long, Long>forPipeline(longs, in -> in.keyBy(v -> v)));
        assertTrue(none.getMessage().contains("must end with an operator"), none.getMessage());
    }

    @Test
    void restoreNeedsTheSnapshotsOfEveryOldSubtaskHoldingItsKeyGroups() throws Exception {
        // Keys 0, 1 and 2 all fall in key groups [64, 127] of 128: subtask 1 of 2 holds them.
        OperatorSnapshot first;
        try (OneInputOperatorTestHarness<Long, String> harness = countAndRemind().parallelism(2).subtaskIndex(1)
                .build()) {
            harness.processElement(0L, 1);
            first = harness.snapshot(1);
        }
        OperatorSnapshot only = first;
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> countAndRemind().restoreFrom(only).build());
        assertTrue(missing.getMessage().contains("old subtasks [0]"), missing.getMessage());
        IllegalArgumentException keyGroups = assertThrows(IllegalArgumentException.class,
                () -> countAndRemind().maxParallelism(64).parallelism(2).restoreFrom(only).build());
        assertTrue(keyGroups.getMessage().contains("same max parallelism"), keyGroups.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> countAndRemind().parallelism(2).restoreFrom(only, only).build());
        assertTrue(twice.getMessage().contains("same subtask"), twice.getMessage());
        // Subtask 1 at the same parallelism needs only its own snapshot.
        try (OneInputOperatorTestHarness<Long, String> same = countAndRemind().parallelism(2).subtaskIndex(1)
                .restoreFrom(only).build()) {
            same.processElement(3L, 2);
            assertEquals(List.of("0:2"), same.getOutputValues());
        }
    }

    @Test
    void snapshotSurvivesJavaSerialization() throws Exception {
        OperatorSnapshot snapshot;
        try (OneInputOperatorTestHarness<Long, String> harness = countAndRemind().stateBackend("rocksdb").build()) {
            harness.processElement(2L, 1);
            snapshot = harness.snapshot(1);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(snapshot);
        }
        OperatorSnapshot copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (OperatorSnapshot) in.readObject();
        }
        assertEquals(snapshot, copy);
        try (OneInputOperatorTestHarness<Long, String> restored = countAndRemind().stateBackend("rocksdb")
                .restoreFrom(copy).build()) {
            restored.processElement(5L, 2);
            assertEquals(List.of("2:2"), restored.getOutputValues());
        }
    }
}
