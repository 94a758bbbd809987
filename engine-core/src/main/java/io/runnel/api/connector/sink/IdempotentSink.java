package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of one-phase sinks whose writes are idempotent (an upsert by key, a file name derived from the data):
 * records are buffered and written in batches, when a batch is full and at every checkpoint (the runtime flushes
 * a sink writer when the barrier passes), so a completed checkpoint covers every record before its barrier. There
 * is no second phase: after a restore the records since the checkpoint are replayed and written again, which an
 * idempotent write absorbs.
 *
 * <p>Guarantee: <b>exactly-once effect</b> when replay is deterministic and every write of a record is
 * idempotent (the same key gets the same final value; e.g. an upsert of a keyed aggregate whose input order per key
 * is fixed). Readers may briefly see values from records after the last checkpoint that a restore then rewrites
 * with the same values. Otherwise (non-deterministic replay, appends, counters incremented in place) only
 * <b>at-least-once</b>. Use a {@link TwoPhaseCommitSinkFunction} when writes cannot be made idempotent.
 *
 * <p><b>Threading:</b> the writer runs on the task thread.
 *
 * @param <IN> the record type
 */
@Public
public abstract class IdempotentSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final int batchSize;

    /**
     * @param batchSize records per batch, at least 1
     * @throws IllegalArgumentException if below 1
     */
    protected IdempotentSink(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Writes batches; one per writer subtask. */
    public interface BatchWriter<IN> extends AutoCloseable {
        /**
         * Writes a batch; must be idempotent per record (writing a record twice has the effect of once).
         *
         * @throws Exception if the batch cannot be written; the task then fails and the batch is replayed
         */
        void writeBatch(List<IN> batch) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * Creates the batch writer of one subtask (open connections here).
     *
     * @throws Exception to fail the task
     */
    protected abstract BatchWriter<IN> createBatchWriter(WriterInitContext context) throws Exception;

    @Override
    public final SinkWriter<IN> createWriter(WriterInitContext context) throws Exception {
        BatchWriter<IN> writer = createBatchWriter(context);
        return new SinkWriter<>() {
            private final List<IN> buffer = new ArrayList<>(Math.min(batchSize, 4096));

            @Override
            public void write(IN element, Context ctx) throws Exception {
                buffer.add(element);
                if (buffer.size() >= batchSize) {
                    flush(false);
                }
            }

            @Override
            public void flush(boolean endOfInput) throws Exception {
                if (!buffer.isEmpty()) {
                    writer.writeBatch(List.copyOf(buffer));
                    buffer.clear();
                }
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }
}
