package io.runnel.bench;

import io.runnel.api.common.Tuple2;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;

/**
 * Counts the words of each key in keyed {@link ValueState} and emits {@code (word, count so far)} for every word.
 *
 * <p><b>Contract:</b> for a word seen n times the outputs are {@code (word, 1) .. (word, n)}, in input order.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> {@link #open()} gets the state handle; nothing to close.
 */
final class RunningCount extends KeyedProcessFunction<String, String, Tuple2<String, Long>> {

    private static final long serialVersionUID = 1L;

    /** Owner: task thread; set in {@link #open()}. */
    private transient ValueState<Long> count;

    @Override
    public void open() {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(String word, Context ctx, Collector<Tuple2<String, Long>> out) {
        Long previous = count.value();
        Long next = previous == null ? 1L : previous + 1;
        count.update(next);
        out.collect(Tuple2.of(word, next));
    }
}
