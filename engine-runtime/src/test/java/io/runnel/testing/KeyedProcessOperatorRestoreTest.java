package io.runnel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.OutputTag;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.api.typeutils.TypeInformation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keyed process function with keyed state, event-time and processing-time timers and a side output, restored
 * into a fresh harness after every step of a script: the outputs must equal an uninterrupted run's exactly, on
 * both state backends (and with heap snapshots inline and in files).
 */
class KeyedProcessOperatorRestoreTest {

    @TempDir
    Path checkpoints;

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of("hashmap", 20L * 1024), Arguments.of("hashmap", 0L),
                Arguments.of("rocksdb", 20L * 1024));
    }

    private OperatorTestHarnessBuilder<Long, String> builder(String backend, long inlineThresholdBytes) {
        return OneInputOperatorTestHarness
                .forKeyedProcessFunction(new CountAndRemind(), v -> v % 3, TypeInformation.of(Long.class))
                .stateBackend(backend)
                .configuration(new Configuration().set(CheckpointingOptions.MEMORY_THRESHOLD, inlineThresholdBytes))
                .checkpointDirectory(checkpoints);
    }

    static Script<Long> script() {
        return new Script<Long>()
                .element(1L, 5).element(2L, 12).processingTime(10).element(4L, 8).watermark(20)
                .element(7L, 30).processingTime(60).element(101L, 35).watermark(110)
                .element(5L, 120).processingTime(75).element(3L, 125).watermark(140)
                .processingTime(200).watermark(300);
    }

    @ParameterizedTest(name = "{0}, inline below {1} bytes")
    @MethodSource("backends")
    void restoringBeforeAnyStepEmitsExactlyWhatAnUninterruptedRunEmits(String backend, long inlineThresholdBytes)
            throws Exception {
        RestoreChecks.Emitted all = RestoreChecks.assertEveryCutRestoresExactly(
                () -> builder(backend, inlineThresholdBytes), script(), List.<OutputTag<?>>of(CountAndRemind.BIG));

        // The run covers what the restore must carry: state, both kinds of timers, the side output.
        List<String> values = all.main().stream().filter(e -> e instanceof OutputElement.Record<?>)
                .map(e -> String.valueOf(((OutputElement.Record<?>) e).value())).toList();
        assertTrue(values.contains("1:3 EVENT_TIME@130"), values.toString());
        assertTrue(values.contains("1:3 PROCESSING_TIME@60"), values.toString());
        assertEquals(List.of(OutputElement.record(101L, 35)), all.sides().get("big"));
    }

    @ParameterizedTest(name = "{0}, inline below {1} bytes")
    @MethodSource("backends")
    void restoresFromASnapshotTakenAfterAnEarlierCheckpointCompleted(String backend, long inlineThresholdBytes)
            throws Exception {
        Script<Long> script = script();
        List<OutputElement> expected;
        try (OneInputOperatorTestHarness<Long, String> harness = builder(backend, inlineThresholdBytes).build()) {
            script.run(harness, 0, script.size());
            expected = harness.getOutput();
        }
        OperatorSnapshot second;
        List<OutputElement> actual;
        long processingTime;
        try (OneInputOperatorTestHarness<Long, String> harness = builder(backend, inlineThresholdBytes).build()) {
            script.run(harness, 0, 5);
            harness.snapshot(1);
            harness.notifyCheckpointComplete(1);
            script.run(harness, 5, 9);
            // An incremental RocksDB snapshot now refers to files uploaded for checkpoint 1.
            second = harness.snapshot(2);
            harness.notifyCheckpointComplete(2);
            actual = new ArrayList<>(harness.getOutput());
            processingTime = harness.getProcessingTime();
        }
        try (OneInputOperatorTestHarness<Long, String> restored = builder(backend, inlineThresholdBytes)
                .restoreFrom(second).processingTime(processingTime).build()) {
            script.run(restored, 9, script.size());
            actual.addAll(restored.getOutput());
        }
        assertEquals(expected, actual);
        assertEquals(2, second.checkpointId());
        assertTrue(second.state().keyedState() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void stateBackendFollowsTheBuilder(String backend, long inlineThresholdBytes) throws Exception {
        try (OneInputOperatorTestHarness<Long, String> harness = builder(backend, inlineThresholdBytes).build()) {
            harness.processElement(1L, 1);
            OperatorSnapshot snapshot = harness.snapshot(1);
            String handle = snapshot.state().keyedState().getClass().getSimpleName();
            assertEquals(backend.equals("rocksdb") ? "IncrementalKeyedStateHandle" : "KeyGroupsStateHandle", handle);
        }
    }
}
