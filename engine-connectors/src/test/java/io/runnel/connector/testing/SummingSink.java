package io.runnel.connector.testing;

import io.runnel.api.common.LongCounter;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;

/**
 * A sink that adds its numbers to the counters {@link #SUM} and {@link #COUNT}, so a job's result reports them
 * without collecting millions of records.
 */
public final class SummingSink implements Sink<Long> {

    private static final long serialVersionUID = 1L;

    public static final String SUM = "test.sum";
    public static final String COUNT = "test.count";

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
        LongCounter sum = context.getRuntimeContext().getLongCounter(SUM);
        LongCounter count = context.getRuntimeContext().getLongCounter(COUNT);
        return new SinkWriter<>() {
            @Override
            public void write(Long element, Context ctx) {
                sum.add(element.longValue());
                count.increment();
            }

            @Override
            public void flush(boolean endOfInput) {
                // Counters are read by the engine when the task ends.
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }
}
