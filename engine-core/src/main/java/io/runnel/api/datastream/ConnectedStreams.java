package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedCoProcessFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.TwoInputTransformation;

/**
 * Two streams, possibly of different types, connected for one two-input operator ({@code a.connect(b)}): the
 * operator sees both streams' records, each through its own method, and may share state between them. When both
 * streams are keyed (by {@link #keyBy} or by connecting two {@link KeyedStream}s) the operator can keep keyed
 * state and timers shared by the two sides of one key. The operator's watermark is the minimum of the two
 * inputs' watermarks. Follows Flink's {@code ConnectedStreams}.
 * <pre>{@code
 * orders.connect(payments)
 *       .keyBy(Order::id, Payment::orderId)
 *       .process(new MatchOrdersWithPayments());
 * }</pre>
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <IN1> the first stream's type
 * @param <IN2> the second stream's type
 */
@Public
public class ConnectedStreams<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> input1;
    private final DataStream<IN2> input2;

    /**
     * @throws IllegalArgumentException if the streams belong to different environments
     */
    ConnectedStreams(StreamExecutionEnvironment environment, DataStream<IN1> input1, DataStream<IN2> input2) {
        if (input1.environment != environment || input2.environment != environment) {
            throw new IllegalArgumentException("Cannot connect streams of different environments");
        }
        this.environment = environment;
        this.input1 = input1;
        this.input2 = input2;
    }

    /** @return the environment the streams belong to */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** @return the first stream */
    public DataStream<IN1> getFirstInput() {
        return input1;
    }

    /** @return the second stream */
    public DataStream<IN2> getSecondInput() {
        return input2;
    }

    /** @return true if both streams are keyed, so a {@link KeyedCoProcessFunction} may be applied */
    public boolean isKeyed() {
        return input1 instanceof KeyedStream<?, ?> && input2 instanceof KeyedStream<?, ?>;
    }

    /**
     * Keys both streams, so that records with equal keys from either side meet on one subtask. The two selectors
     * must produce keys of one type with equal {@code hashCode()} for equal keys.
     *
     * @return the connected keyed streams
     */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(environment, input1.keyBy(keySelector1), input2.keyBy(keySelector2));
    }

    /**
     * Applies a {@link CoProcessFunction} (no keyed state or timers, even on keyed streams).
     *
     * @return the stream of its results
     */
    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
        return transform("CoProcess", new OperatorSpec.CoProcessSpec(function),
                TypeExtractor.outputType(function, CoProcessFunction.class, 2, false));
    }

    /**
     * Applies a {@link KeyedCoProcessFunction}, with keyed state and timers shared by the two sides of a key.
     *
     * @return the stream of its results
     * @throws IllegalStateException if the streams are not both keyed
     */
    @SuppressWarnings("unchecked")
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        if (!isKeyed()) {
            throw new IllegalStateException("A KeyedCoProcessFunction needs two keyed streams: use "
                    + "connect(...).keyBy(keySelector1, keySelector2) or connect two KeyedStreams");
        }
        KeyedStream<IN1, K> keyed1 = (KeyedStream<IN1, K>) input1;
        KeyedStream<IN2, K> keyed2 = (KeyedStream<IN2, K>) input2;
        OperatorSpec spec = new OperatorSpec.KeyedCoProcessSpec(function, keyed1.getKeySelector(),
                keyed2.getKeySelector(), keyed1.getKeyType());
        return transform("KeyedCoProcess", spec,
                TypeExtractor.outputType(function, KeyedCoProcessFunction.class, 3, false));
    }

    private <R> SingleOutputStreamOperator<R> transform(String name, OperatorSpec spec, TypeInformation<R> type) {
        TwoInputTransformation<IN1, IN2, R> t = new TwoInputTransformation<>(input1.getTransformation(),
                input2.getTransformation(), name, spec, type);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
