package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.TwoInputTransformation;
import java.time.Duration;

/**
 * An event-time interval join of two keyed streams, from {@link KeyedStream#intervalJoin}: a left value at time
 * {@code l} joins every right value of the same key at a time {@code r} with {@code l + lower <= r <= l + upper}.
 * Both sides are buffered in keyed state by timestamp and dropped once the watermark makes them unjoinable; a
 * value that arrives behind the watermark (late) is dropped. Results carry {@code max(l, r)} as their event time.
 * Follows Flink's {@code KeyedStream.IntervalJoin}.
 * <pre>{@code
 * clicks.keyBy(Click::user)
 *       .intervalJoin(views.keyBy(View::user))
 *       .between(Duration.ofMinutes(-5), Duration.ofSeconds(0))
 *       .process(new ClickAfterView());
 * }</pre>
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T1> the left stream's type
 * @param <T2> the right stream's type
 * @param <K> the key type
 */
@Public
public class IntervalJoin<T1, T2, K> {

    private final KeyedStream<T1, K> left;
    private final KeyedStream<T2, K> right;

    IntervalJoin(KeyedStream<T1, K> left, KeyedStream<T2, K> right) {
        if (left.environment != right.environment) {
            throw new IllegalArgumentException("Cannot join streams of different environments");
        }
        this.left = left;
        this.right = right;
    }

    /**
     * Sets the interval, relative to the left value's time; both bounds are inclusive until
     * {@link IntervalJoined#lowerBoundExclusive()} or {@link IntervalJoined#upperBoundExclusive()} say otherwise.
     *
     * @param lower e.g. {@code Duration.ofSeconds(-2)}: right values up to 2 s before the left one
     * @param upper e.g. {@code Duration.ofSeconds(1)}: right values up to 1 s after the left one
     * @throws IllegalArgumentException if {@code lower > upper}
     */
    public IntervalJoined<T1, T2, K> between(Duration lower, Duration upper) {
        long lowerMillis = lower.toMillis();
        long upperMillis = upper.toMillis();
        if (lowerMillis > upperMillis) {
            throw new IllegalArgumentException("The lower bound " + lower + " of an interval join must not be above "
                    + "its upper bound " + upper);
        }
        return new IntervalJoined<>(left, right, lowerMillis, upperMillis);
    }

    /**
     * An interval join with its bounds set.
     *
     * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
     *
     * @param <T1> the left stream's type
     * @param <T2> the right stream's type
     * @param <K> the key type
     */
    @Public
    public static class IntervalJoined<T1, T2, K> {

        private final KeyedStream<T1, K> left;
        private final KeyedStream<T2, K> right;
        private final long lowerMillis;
        private final long upperMillis;
        private boolean lowerExclusive;
        private boolean upperExclusive;

        IntervalJoined(KeyedStream<T1, K> left, KeyedStream<T2, K> right, long lowerMillis, long upperMillis) {
            this.left = left;
            this.right = right;
            this.lowerMillis = lowerMillis;
            this.upperMillis = upperMillis;
        }

        /** Excludes right values exactly at {@code l + lower}. @return this */
        public IntervalJoined<T1, T2, K> lowerBoundExclusive() {
            this.lowerExclusive = true;
            return this;
        }

        /** Excludes right values exactly at {@code l + upper}. @return this */
        public IntervalJoined<T1, T2, K> upperBoundExclusive() {
            this.upperExclusive = true;
            return this;
        }

        /**
         * Joins with {@code function} called per pair.
         *
         * @return the stream of its results
         * @throws IllegalArgumentException if exclusive bounds leave an empty interval
         */
        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<T1, T2, OUT> function) {
            // Timestamps are whole milliseconds, so an exclusive bound is the inclusive one a millisecond inside.
            long lower = lowerExclusive ? lowerMillis + 1 : lowerMillis;
            long upper = upperExclusive ? upperMillis - 1 : upperMillis;
            if (lower > upper) {
                throw new IllegalArgumentException("The interval [" + lowerMillis + ", " + upperMillis
                        + "] ms with its exclusive bounds is empty");
            }
            OperatorSpec spec = new OperatorSpec.IntervalJoinSpec(function, lower, upper, left.getKeySelector(),
                    right.getKeySelector(), left.getKeyType(), left.getType(), right.getType());
            TypeInformation<OUT> type = TypeExtractor.outputType(function, ProcessJoinFunction.class, 2, false);
            TwoInputTransformation<T1, T2, OUT> t = new TwoInputTransformation<>(left.getTransformation(),
                    right.getTransformation(), "IntervalJoin", spec, type);
            return new SingleOutputStreamOperator<>(left.environment, t);
        }
    }
}
