package io.runnel.bench;

import io.runnel.annotation.TaskThread;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.LongCounter;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import java.io.Serializable;

/**
 * A sink that counts its records and sums a fingerprint of each, and publishes both through {@link LongCounter}s
 * when its input ends: {@value #COUNT} (records) and {@value #CHECKSUM} (the wrapping sum of fingerprints).
 *
 * <p><b>Contract:</b> the job result's {@code getCounter(COUNT)} is the number of records that reached the sink
 * over all subtasks; {@code getCounter(CHECKSUM)} is {@code sum(fingerprint(r)) mod 2^64} over the same records.
 * Addition commutes, so the checksum does not depend on record order or on how records are spread over subtasks,
 * and a single-thread loop that sums the same fingerprint gets the same value. The writer keeps both in plain
 * {@code long} fields and touches the counters once, in the final flush, to keep the per-record cost minimal.
 *
 * <p><b>Threading:</b> immutable; each writer is task-thread only.
 *
 * @param <T> the record type
 */
final class CountingSink<T> implements Sink<T> {

    /** Name of the counter with the number of records. */
    static final String COUNT = "count";
    /** Name of the counter with the sum of fingerprints. */
    static final String CHECKSUM = "checksum";

    private static final long serialVersionUID = 1L;

    /**
     * An order-independent contribution of one record to the checksum.
     *
     * @param <T> the record type
     */
    @FunctionalInterface
    interface Fingerprint<T> extends Serializable {
        /** @return the record's fingerprint */
        long of(T record);
    }

    private final Fingerprint<T> fingerprint;

    /** @param fingerprint what each record adds to the checksum */
    CountingSink(Fingerprint<T> fingerprint) {
        this.fingerprint = fingerprint;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(fingerprint, context.getRuntimeContext().getLongCounter(COUNT),
                context.getRuntimeContext().getLongCounter(CHECKSUM));
    }

    /** @return the number of records the sink saw in the job of {@code result} */
    static long count(JobExecutionResult result) {
        return result.getCounter(COUNT);
    }

    /** @return the checksum of the records the sink saw in the job of {@code result} */
    static long checksum(JobExecutionResult result) {
        return result.getCounter(CHECKSUM);
    }

    /** Counts one subtask's records. Threading: task thread only. */
    private static final class Writer<T> implements SinkWriter<T> {

        private final Fingerprint<T> fingerprint;
        private final LongCounter countCounter;
        private final LongCounter checksumCounter;
        /** Owner: task thread. */
        private long count;
        /** Owner: task thread. */
        private long checksum;
        /** Owner: task thread. */
        private boolean published;

        Writer(Fingerprint<T> fingerprint, LongCounter countCounter, LongCounter checksumCounter) {
            this.fingerprint = fingerprint;
            this.countCounter = countCounter;
            this.checksumCounter = checksumCounter;
        }

        @Override
        @TaskThread
        public void write(T element, Context context) {
            count++;
            checksum += fingerprint.of(element);
        }

        @Override
        @TaskThread
        public void flush(boolean endOfInput) {
            if (!endOfInput || published) {
                return;
            }
            published = true;
            countCounter.add(count);
            checksumCounter.add(checksum);
        }

        @Override
        public void close() {
            // Nothing to release; the counters are read by the engine after the task ends.
        }
    }
}
