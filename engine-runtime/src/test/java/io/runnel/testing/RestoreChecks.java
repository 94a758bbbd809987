package io.runnel.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.OutputTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** Checks that a snapshot and a restore into a fresh harness change nothing an operator emits. */
final class RestoreChecks {

    private RestoreChecks() {
    }

    /**
     * Everything a harness emitted.
     *
     * @param main the main output
     * @param sides the records of each side output, by tag id
     */
    record Emitted(List<OutputElement> main, Map<String, List<OutputElement.Record<?>>> sides) {

        static Emitted of(OneInputOperatorTestHarness<?, ?> harness, List<OutputTag<?>> sideTags) {
            Map<String, List<OutputElement.Record<?>>> sides = new LinkedHashMap<>();
            for (OutputTag<?> tag : sideTags) {
                sides.put(tag.getId(), new ArrayList<>(harness.getSideOutput(tag)));
            }
            return new Emitted(harness.getOutput(), sides);
        }

        /** @return this run's output followed by {@code later}'s */
        Emitted then(Emitted later) {
            List<OutputElement> all = new ArrayList<>(main);
            all.addAll(later.main);
            Map<String, List<OutputElement.Record<?>>> allSides = new LinkedHashMap<>();
            sides.forEach((id, records) -> {
                List<OutputElement.Record<?>> joined = new ArrayList<>(records);
                joined.addAll(later.sides.get(id));
                allSides.put(id, joined);
            });
            return new Emitted(all, allSides);
        }
    }

    /**
     * Runs {@code script} once without interruption, then once per cut point: up to the cut in one harness, a
     * snapshot, the rest in a fresh harness restored from it (after the last watermark again, see
     * {@link #resendWatermark}). The concatenated outputs must equal the
     * uninterrupted run's exactly (order, timestamps, watermarks, side outputs).
     *
     * @param builders a new builder per call, configured alike
     * @return the uninterrupted run's output
     */
    static <IN, OUT> Emitted assertEveryCutRestoresExactly(Supplier<OperatorTestHarnessBuilder<IN, OUT>> builders,
                                                           Script<IN> script, List<OutputTag<?>> sideTags)
            throws Exception {
        Emitted expected;
        try (OneInputOperatorTestHarness<IN, OUT> harness = builders.get().build()) {
            script.run(harness, 0, script.size());
            expected = Emitted.of(harness, sideTags);
        }
        assertTrue(expected.main().stream().anyMatch(e -> e instanceof OutputElement.Record<?>),
                "the script should make the operator emit records: " + expected.main());
        for (int cut = 0; cut <= script.size(); cut++) {
            Emitted before;
            OperatorSnapshot snapshot;
            long processingTime;
            try (OneInputOperatorTestHarness<IN, OUT> harness = builders.get().build()) {
                script.run(harness, 0, cut);
                snapshot = harness.snapshot(cut + 1);
                before = Emitted.of(harness, sideTags);
                processingTime = harness.getProcessingTime();
            }
            try (OneInputOperatorTestHarness<IN, OUT> restored = builders.get().restoreFrom(snapshot)
                    .processingTime(processingTime).build()) {
                resendWatermark(restored, script.lastWatermarkBefore(cut));
                script.run(restored, cut, script.size());
                assertEquals(expected, before.then(Emitted.of(restored, sideTags)),
                        "restored before step " + cut + " (" + script.describe(cut) + ")");
            }
        }
        return expected;
    }

    /**
     * A watermark is not operator state: a restored operator starts without one, as in the engine, where the
     * inputs of a restored task bring watermarks again. Sends the last one again, as those inputs would, so that
     * late data stays late; it must fire nothing (its timers fired before the snapshot).
     */
    private static void resendWatermark(OneInputOperatorTestHarness<?, ?> restored, OptionalLong watermark)
            throws Exception {
        if (watermark.isEmpty()) {
            return;
        }
        restored.processWatermark(watermark.getAsLong());
        assertEquals(List.of(OutputElement.watermark(watermark.getAsLong())), restored.getOutput(),
                "sending the last watermark again after the restore must fire nothing");
        restored.clearOutput();
    }
}
