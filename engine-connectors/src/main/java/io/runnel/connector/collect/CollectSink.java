package io.runnel.connector.collect;

import io.runnel.annotation.Public;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.ListAccumulator;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.datastream.DataStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A sink that hands a job's records back to the program through an accumulator, for tests and small results.
 *
 * <pre>{@code
 * CollectSink<Word> words = new CollectSink<>();
 * source.sinkTo(words);
 * JobExecutionResult result = env.execute("two collects");
 * List<Word> out = words.getResults(result);
 * }</pre>
 * (from {@code SinksIT}; {@link #executeAndCollect} does the same in one call)
 *
 * <p><b>Contract:</b> every writer registers a {@link ListAccumulator} under {@link #getAccumulatorName()}, a
 * name unique to this sink instance, so several collect sinks in one job do not mix. The results hold every
 * record once; records of one subtask keep their order, subtasks are concatenated in no defined order. All
 * records are held in memory (in the task, then in the result), and must be serializable when the job runs on
 * a remote cluster.
 *
 * <p><b>Threading:</b> immutable; its writers are task-thread only.
 *
 * @param <T> the record type
 */
@Public
public final class CollectSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String accumulatorName;

    /** Creates a sink with a fresh accumulator name. */
    public CollectSink() {
        this.accumulatorName = "collect-sink-" + UUID.randomUUID();
    }

    /**
     * Runs the job of {@code stream}'s environment with a collect sink on {@code stream} and returns its records.
     *
     * @throws JobExecutionException if the job fails
     */
    public static <T> List<T> executeAndCollect(DataStream<T> stream, String jobName) throws JobExecutionException {
        CollectSink<T> sink = new CollectSink<>();
        stream.sinkTo(sink);
        JobExecutionResult result = stream.getExecutionEnvironment().execute(jobName);
        return sink.getResults(result);
    }

    /** @return the name of the accumulator the writers fill */
    public String getAccumulatorName() {
        return accumulatorName;
    }

    /**
     * @param result the result of the job this sink was part of
     * @return the collected records (a new, mutable list)
     * @throws IllegalArgumentException if the result has no accumulator of this sink (another job's result)
     */
    @SuppressWarnings("unchecked")
    public List<T> getResults(JobExecutionResult result) {
        Object value = result.getAccumulatorResult(accumulatorName);
        if (value instanceof Accumulator<?, ?> acc) {
            value = acc.getLocalValue();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>((List<T>) list);
        }
        throw new IllegalArgumentException("The job result has no accumulator '" + accumulatorName + "' (found "
                + value + "): was this sink part of that job?");
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        ListAccumulator<T> accumulator = new ListAccumulator<>();
        context.getRuntimeContext().addAccumulator(accumulatorName, accumulator);
        return new CollectSinkWriter<>(accumulator);
    }

    /**
     * Adds one subtask's records to its accumulator.
     *
     * <p><b>Threading:</b> task thread only.
     */
    private static final class CollectSinkWriter<T> implements SinkWriter<T> {

        private final ListAccumulator<T> accumulator;

        CollectSinkWriter(ListAccumulator<T> accumulator) {
            this.accumulator = accumulator;
        }

        @Override
        public void write(T element, Context context) {
            accumulator.add(element);
        }

        @Override
        public void flush(boolean endOfInput) {
            // The accumulator is read by the engine after the task ends; there is nothing to push.
        }

        @Override
        public void close() {
            // Nothing to release.
        }
    }
}
