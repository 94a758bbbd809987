package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.functions.async.AsyncFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.graph.OperatorSpec;
import java.time.Duration;

/**
 * Adds asynchronous lookups to a stream: at most {@code capacity} lookups are in flight per subtask (a full
 * operator stops taking input, which backpressures upstream), results are emitted by the task thread, and the
 * inputs still in flight at a checkpoint are stored in it and looked up again after a restore. After Flink's
 * {@code AsyncDataStream}.
 *
 * <p><b>Threading:</b> call from the thread building the job.
 */
@Public
public final class AsyncDataStream {

    private AsyncDataStream() {
    }

    /**
     * Results leave in input order.
     *
     * @param timeout how long one lookup may take before {@link AsyncFunction#timeout} is called
     * @param capacity lookups in flight per subtask, at least 1
     * @throws IllegalArgumentException if capacity is below 1 or the timeout not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> input,
                                                                     AsyncFunction<IN, OUT> function,
                                                                     Duration timeout, int capacity) {
        return add(input, function, timeout, capacity, true);
    }

    /**
     * Results leave as they complete; watermarks still separate them (a result never overtakes a watermark that
     * came after its input).
     *
     * @throws IllegalArgumentException if capacity is below 1 or the timeout not positive
     */
    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> input,
                                                                       AsyncFunction<IN, OUT> function,
                                                                       Duration timeout, int capacity) {
        return add(input, function, timeout, capacity, false);
    }

    private static <IN, OUT> SingleOutputStreamOperator<OUT> add(DataStream<IN> input,
                                                               AsyncFunction<IN, OUT> function, Duration timeout,
                                                               int capacity, boolean ordered) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return input.transform(ordered ? "AsyncOrdered" : "AsyncUnordered", new OperatorSpec.AsyncSpec(function,
                input.getType(), timeout.toMillis(), capacity, ordered),
                TypeExtractor.outputType(function, AsyncFunction.class, 1, true));
    }
}
