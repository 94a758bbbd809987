package io.runnel.testing;

import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;

/**
 * Counts the records of each key in keyed state and emits {@code "key:count"} per record; each record also sets
 * an event-time timer 100 ms after its timestamp and a processing-time timer 50 ms after "now", which emit
 * {@code "key:count DOMAIN@time"}; values of at least 100 also go to the side output {@link #BIG}.
 */
final class CountAndRemind extends KeyedProcessFunction<Long, Long, String> {

    static final OutputTag<Long> BIG = new OutputTag<>("big", TypeInformation.of(Long.class));

    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> count;

    @Override
    public void open() {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
        long c = count.value() == null ? 1 : count.value() + 1;
        count.update(c);
        out.collect(ctx.getCurrentKey() + ":" + c);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 50);
        if (value >= 100) {
            ctx.output(BIG, value);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
        out.collect(ctx.getCurrentKey() + ":" + count.value() + " " + ctx.timeDomain() + "@" + timestamp);
    }
}
