package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.TwoInputTransformation;

/**
 * A stream connected to a broadcast stream ({@code stream.connect(rules.broadcast(descriptor))}): every parallel
 * instance of the operator sees every broadcast record and this instance's share of the other stream. Apply a
 * {@link BroadcastProcessFunction}, or a {@link KeyedBroadcastProcessFunction} when the other stream is keyed.
 * Follows Flink's {@code BroadcastConnectedStream}.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <IN1> the non-broadcast stream's type
 * @param <IN2> the broadcast stream's type
 */
@Public
public class BroadcastConnectedStream<IN1, IN2> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<IN1> input;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(StreamExecutionEnvironment environment, DataStream<IN1> input,
                             BroadcastStream<IN2> broadcast) {
        if (broadcast.getExecutionEnvironment() != environment) {
            throw new IllegalArgumentException("Cannot connect streams of different environments");
        }
        this.environment = environment;
        this.input = input;
        this.broadcast = broadcast;
    }

    /** @return the non-broadcast stream */
    public DataStream<IN1> getFirstInput() {
        return input;
    }

    /** @return the broadcast stream */
    public BroadcastStream<IN2> getSecondInput() {
        return broadcast;
    }

    /**
     * Applies a {@link BroadcastProcessFunction}.
     *
     * @return the stream of its results
     */
    public <OUT> SingleOutputStreamOperator<OUT> process(BroadcastProcessFunction<IN1, IN2, OUT> function) {
        OperatorSpec spec = new OperatorSpec.BroadcastProcessSpec(function,
                broadcast.getBroadcastStateDescriptors());
        return transform("BroadcastProcess", spec,
                TypeExtractor.outputType(function, BroadcastProcessFunction.class, 2, false));
    }

    /**
     * Applies a {@link KeyedBroadcastProcessFunction}, with keyed state and timers on the keyed side.
     *
     * @return the stream of its results
     * @throws IllegalStateException if the non-broadcast stream is not keyed
     */
    @SuppressWarnings("unchecked")
    public <K, OUT> SingleOutputStreamOperator<OUT> process(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function) {
        if (!(input instanceof KeyedStream<?, ?>)) {
            throw new IllegalStateException("A KeyedBroadcastProcessFunction needs a keyed stream: use "
                    + "keyBy(...).connect(broadcastStream)");
        }
        KeyedStream<IN1, K> keyed = (KeyedStream<IN1, K>) input;
        OperatorSpec spec = new OperatorSpec.KeyedBroadcastProcessSpec(function, keyed.getKeySelector(),
                keyed.getKeyType(), broadcast.getBroadcastStateDescriptors());
        return transform("KeyedBroadcastProcess", spec,
                TypeExtractor.outputType(function, KeyedBroadcastProcessFunction.class, 3, false));
    }

    private <OUT> SingleOutputStreamOperator<OUT> transform(String name, OperatorSpec spec,
                                                           TypeInformation<OUT> type) {
        TwoInputTransformation<IN1, IN2, OUT> t = new TwoInputTransformation<>(input.getTransformation(),
                broadcast.getTransformation(), name, spec, type);
        return new SingleOutputStreamOperator<>(environment, t);
    }
}
