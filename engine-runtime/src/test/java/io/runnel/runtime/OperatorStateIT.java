package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.RichMapFunction;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import org.junit.jupiter.api.Test;

/** A CheckpointedFunction gets its operator state initialized once per parallel instance, before open(). */
class OperatorStateIT {

    /** Buffers every value in operator list state and reports the buffered count when it closes. */
    static final class Buffering extends RichMapFunction<Long, Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> buffer;
        private transient boolean initializedBeforeOpen;

        @Override
        public void initializeState(FunctionInitializationContext context) {
            buffer = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("buffer", Long.class));
            getRuntimeContext().getLongCounter("initialized").add(1);
            getRuntimeContext().getLongCounter("restored").add(context.isRestored() ? 1 : 0);
        }

        @Override
        public void open() {
            initializedBeforeOpen = buffer != null;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            // Everything is in the list state already.
        }

        @Override
        public Long map(Long value) {
            buffer.add(value);
            return value;
        }

        @Override
        public void close() {
            long n = 0;
            for (Long ignored : buffer.get()) {
                n++;
            }
            getRuntimeContext().getLongCounter("buffered").add(n);
            getRuntimeContext().getLongCounter("initializedBeforeOpen").add(initializedBeforeOpen ? 1 : 0);
        }
    }

    @Test
    void operatorListStateIsInitializedPerInstanceBeforeOpen() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(3);
        env.fromSource(new TestingSequenceSource(9_000, 1_000), "numbers").map(new Buffering())
                .sinkTo(new TestingSinks.Collecting<>());
        JobExecutionResult result = env.execute("operator state");
        assertEquals(3L, (long) result.getAccumulatorResult("initialized"));
        assertEquals(3L, (long) result.getAccumulatorResult("initializedBeforeOpen"));
        assertEquals(0L, (long) result.getAccumulatorResult("restored"));
        assertEquals(9_000L, (long) result.getAccumulatorResult("buffered"));
    }
}
