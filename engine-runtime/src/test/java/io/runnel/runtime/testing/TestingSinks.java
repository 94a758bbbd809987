package io.runnel.runtime.testing;

import io.runnel.api.common.ListAccumulator;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import java.util.UUID;

/** Sinks for runtime tests. */
public final class TestingSinks {

    private TestingSinks() {
    }

    /** Collects every record into a list accumulator named {@link #name()}. */
    public static final class Collecting<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private final String name = "collect-" + UUID.randomUUID();

        public String name() {
            return name;
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            ListAccumulator<T> acc = new ListAccumulator<>();
            context.getRuntimeContext().addAccumulator(name, acc);
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context ctx) {
                    acc.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
