package io.runnel.bench;

import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;

/**
 * Ends a stream that carries nothing worth keeping (W5's, whose {@link CheckpointedChecksum} emits nothing): a job
 * needs a sink for its operators to run.
 *
 * <p><b>Threading:</b> immutable; each writer is task-thread only and stateless.
 *
 * @param <T> the record type
 */
final class DiscardingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context writerContext) {
                // Discarded on purpose.
            }

            @Override
            public void flush(boolean endOfInput) {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }
}
