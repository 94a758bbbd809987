package io.runnel.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A scripted input for a harness (records, watermarks, processing-time moves) that can be replayed from any step,
 * so a test can cut it anywhere for a snapshot and a restore.
 *
 * @param <IN> the record type
 */
final class Script<IN> {

    /** One step of the script. */
    sealed interface Step<IN> {
        void applyTo(OneInputOperatorTestHarness<IN, ?> harness) throws Exception;
    }

    /** A record at an event time. */
    record Element<IN>(IN value, long timestampMillis) implements Step<IN> {
        @Override
        public void applyTo(OneInputOperatorTestHarness<IN, ?> harness) throws Exception {
            harness.processElement(value, timestampMillis);
        }
    }

    /** A watermark; a parallel operator gets it on every subtask. */
    record WatermarkStep<IN>(long timestampMillis) implements Step<IN> {
        @Override
        public void applyTo(OneInputOperatorTestHarness<IN, ?> harness) throws Exception {
            harness.processWatermark(timestampMillis);
        }
    }

    /** A move of processing time; a parallel operator sees it on every subtask. */
    record ProcessingTimeStep<IN>(long timeMillis) implements Step<IN> {
        @Override
        public void applyTo(OneInputOperatorTestHarness<IN, ?> harness) throws Exception {
            harness.setProcessingTime(timeMillis);
        }
    }

    private final List<Step<IN>> steps = new ArrayList<>();

    Script<IN> element(IN value, long timestampMillis) {
        steps.add(new Element<>(value, timestampMillis));
        return this;
    }

    Script<IN> watermark(long timestampMillis) {
        steps.add(new WatermarkStep<>(timestampMillis));
        return this;
    }

    Script<IN> processingTime(long timeMillis) {
        steps.add(new ProcessingTimeStep<>(timeMillis));
        return this;
    }

    int size() {
        return steps.size();
    }

    Step<IN> step(int index) {
        return steps.get(index);
    }

    /** @return what step {@code index} does, for failure messages */
    String describe(int index) {
        return index < steps.size() ? steps.get(index).toString() : "end";
    }

    /** @return the time of the last watermark among the steps before {@code index}, if any */
    OptionalLong lastWatermarkBefore(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (steps.get(i) instanceof WatermarkStep<IN> w) {
                return OptionalLong.of(w.timestampMillis());
            }
        }
        return OptionalLong.empty();
    }

    /** Runs steps {@code [from, to)} on {@code harness}. */
    void run(OneInputOperatorTestHarness<IN, ?> harness, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            steps.get(i).applyTo(harness);
        }
    }
}
