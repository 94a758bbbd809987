package io.runnel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.state.KeyGroupRangeAssignment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rescaling from 2 subtasks to 1: two harnesses at parallelism 2 take the records of their key groups, both are
 * snapshotted, and one harness at parallelism 1 restores from both snapshots and goes on. What it emits must
 * equal, exactly, what a single harness at parallelism 1 emits after the same point, having seen everything.
 */
class RescalingRestoreTest {

    private static final int MAX_PARALLELISM = 128;
    /** Keys 4 and 6 fall in subtask 0 of 2 (key groups 7 and 18), keys 0..3 and 5 in subtask 1. */
    private static final long KEYS = 7;

    @TempDir
    Path checkpoints;

    private OperatorTestHarnessBuilder<Long, String> keyedProcess(String backend, int parallelism, int subtask) {
        return OneInputOperatorTestHarness
                .forKeyedProcessFunction(new CountAndRemind(), v -> v % KEYS, TypeInformation.of(Long.class))
                .stateBackend(backend).maxParallelism(MAX_PARALLELISM).parallelism(parallelism)
                .subtaskIndex(subtask).checkpointDirectory(checkpoints);
    }

    private OperatorTestHarnessBuilder<Long, Long> tumblingSum(String backend, int parallelism, int subtask) {
        return OneInputOperatorTestHarness.<Long, Long>forPipeline(TypeInformation.of(Long.class),
                        in -> in.keyBy(v -> v % KEYS).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                                .reduce(Long::sum))
                .stateBackend(backend).maxParallelism(MAX_PARALLELISM).parallelism(parallelism)
                .subtaskIndex(subtask).checkpointDirectory(checkpoints);
    }

    /** The subtask of parallelism 2 that owns {@code value}'s key, as the hash partitioner routes it. */
    private static int subtaskOf(long value) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(value % KEYS, MAX_PARALLELISM);
        return KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(MAX_PARALLELISM, 2, keyGroup);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void keyedStateAndTimersOfTwoSubtasksContinueInOne(String backend) throws Exception {
        // Cut after watermark 110 and processing time 60: timers of both kinds pending, state for all keys.
        assertRescaledRunContinuesExactly((p, i) -> keyedProcess(backend, p, i),
                KeyedProcessOperatorRestoreTest.script(), 9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void openWindowsOfTwoSubtasksFireInOne(String backend) throws Exception {
        // Cut before watermark 19: windows [10,20) and [20,30) hold elements.
        assertRescaledRunContinuesExactly((p, i) -> tumblingSum(backend, p, i),
                WindowOperatorRestoreTest.script(), 9);
    }

    /** Harness builders by parallelism and subtask index. */
    interface Builders<OUT> {
        OperatorTestHarnessBuilder<Long, OUT> get(int parallelism, int subtaskIndex);
    }

    private <OUT> void assertRescaledRunContinuesExactly(Builders<OUT> builders, Script<Long> script, int cut)
            throws Exception {
        List<String> expectedBefore;
        List<OutputElement> expectedAfter;
        try (OneInputOperatorTestHarness<Long, OUT> single = builders.get(1, 0).build()) {
            script.run(single, 0, cut);
            expectedBefore = sortedRecords(single.getOutput());
            single.clearOutput();
            single.processWatermark(script.lastWatermarkBefore(cut).getAsLong());
            script.run(single, cut, script.size());
            expectedAfter = single.getOutput();
        }

        List<OperatorSnapshot> snapshots = new ArrayList<>();
        List<OutputElement> before = new ArrayList<>();
        long processingTime = 0;
        for (int subtask = 0; subtask < 2; subtask++) {
            try (OneInputOperatorTestHarness<Long, OUT> harness = builders.get(2, subtask).build()) {
                int records = runRouted(script, cut, harness, subtask);
                assertTrue(records > 0, "subtask " + subtask + " of 2 got no records before the cut");
                snapshots.add(harness.snapshot(7));
                before.addAll(harness.getOutput());
                processingTime = harness.getProcessingTime();
            }
        }
        assertEquals(expectedBefore, sortedRecords(before));

        try (OneInputOperatorTestHarness<Long, OUT> restored = builders.get(1, 0).restoreFrom(snapshots)
                .processingTime(processingTime).build()) {
            // As in RestoreChecks: the watermark is not state, the inputs of a restored task send it again.
            restored.processWatermark(script.lastWatermarkBefore(cut).getAsLong());
            script.run(restored, cut, script.size());
            assertEquals(expectedAfter, restored.getOutput());
        }
        assertTrue(expectedAfter.stream().anyMatch(e -> e instanceof OutputElement.Record<?>), "nothing fired");
    }

    /**
     * Runs the script's steps before {@code cut} that reach {@code subtask}: its keys' records, all else.
     *
     * @return the number of records it got
     */
    private static int runRouted(Script<Long> script, int cut, OneInputOperatorTestHarness<Long, ?> harness,
                                 int subtask) throws Exception {
        int records = 0;
        for (int i = 0; i < cut; i++) {
            Script.Step<Long> step = script.step(i);
            boolean record = step instanceof Script.Element<Long>;
            if (!record || subtaskOf(((Script.Element<Long>) step).value()) == subtask) {
                step.applyTo(harness);
                records += record ? 1 : 0;
            }
        }
        return records;
    }

    /** The records of an output in a canonical order (two subtasks interleave differently than one). */
    private static List<String> sortedRecords(List<OutputElement> output) {
        return output.stream().filter(e -> e instanceof OutputElement.Record<?>).map(Object::toString)
                .sorted(Comparator.naturalOrder()).toList();
    }
}
