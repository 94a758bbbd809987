package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkFunction;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.windows.Window;
import io.runnel.graph.OneInputTransformation;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.PartitionTransformation;
import io.runnel.graph.PartitionerSpec;
import io.runnel.graph.Transformation;
import io.runnel.graph.UnionTransformation;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream of records of type {@code T}: the result of a source or an operator, on which further operators are
 * defined. Nothing runs until {@link StreamExecutionEnvironment#execute(String)}.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the record type
 */
@Public
public class DataStream<T> {

    protected final StreamExecutionEnvironment environment;
    protected final Transformation<T> transformation;

    /** Wraps a transformation; used by the API itself. */
    public DataStream(StreamExecutionEnvironment environment, Transformation<T> transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    /** @return the environment the stream belongs to */
    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** @return the transformation that produces this stream (engine-internal) */
    public Transformation<T> getTransformation() {
        return transformation;
    }

    /** @return the record type */
    public TypeInformation<T> getType() {
        return transformation.getOutputType();
    }

    /** @return the parallelism, or -1 for the environment's default */
    public int getParallelism() {
        return transformation.getParallelism();
    }

    /** Applies {@code mapper} to each record. */
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform("Map", new OperatorSpec.MapSpec(mapper),
                TypeExtractor.outputType(mapper, MapFunction.class, 1, true));
    }

    /** Keeps the records for which {@code filter} returns true. */
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new OperatorSpec.FilterSpec(filter), getType());
    }

    /** Applies {@code flatMapper}, which emits zero or more records per input record. */
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform("FlatMap", new OperatorSpec.FlatMapSpec(flatMapper),
                TypeExtractor.outputType(flatMapper, FlatMapFunction.class, 1, false));
    }

    /**
     * Gives the records event time: timestamps from the strategy's assigner and watermarks from its generator
     * (periodic ones every {@code pipeline.auto-watermark-interval}). Watermarks from upstream are dropped, except
     * the final one of a bounded input. Chained to the upstream operator when it can be.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        return transform("Timestamps/Watermarks", new OperatorSpec.TimestampsAndWatermarksSpec(strategy),
                getType());
    }

    /**
     * Cuts the whole stream (not keyed) into windows; the window operator runs with parallelism 1.
     *
     * @param assigner e.g. {@code TumblingEventTimeWindows.of(Duration.ofMinutes(1))}
     */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Applies a {@link ProcessFunction}. */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
        return transform("Process", new OperatorSpec.ProcessSpec(function),
                TypeExtractor.outputType(function, ProcessFunction.class, 1, false));
    }

    /** @return the union of this stream and {@code others}; all must have the same type */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation<T>> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> o : others) {
            if (o.environment != environment) {
                throw new IllegalArgumentException("Cannot union streams of different environments");
            }
            inputs.add(o.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation<>(inputs));
    }

    /**
     * Partitions the stream by key: all records with equal keys go to the same subtask, where keyed state and
     * keyed operators see them.
     */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> keySelector) {
        return new KeyedStream<>(this, keySelector);
    }

    /** Sends producer subtask i's records to consumer subtask i (needs equal parallelism). */
    public DataStream<T> forward() {
        return partition(PartitionerSpec.FORWARD);
    }

    /** Distributes records round robin over all consumer subtasks. */
    public DataStream<T> rebalance() {
        return partition(PartitionerSpec.REBALANCE);
    }

    /** Distributes records round robin over the consumer subtasks near each producer. */
    public DataStream<T> rescale() {
        return partition(PartitionerSpec.RESCALE);
    }

    /** Sends each record to a random consumer subtask. */
    public DataStream<T> shuffle() {
        return partition(PartitionerSpec.SHUFFLE);
    }

    /** Sends each record to every consumer subtask. */
    public DataStream<T> broadcast() {
        return partition(PartitionerSpec.BROADCAST);
    }

    private DataStream<T> partition(PartitionerSpec spec) {
        return new DataStream<>(environment, new PartitionTransformation<>(transformation, spec));
    }

    /** Writes the stream to {@code sink}. */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        OneInputTransformation<T, Void> t = new OneInputTransformation<>(transformation, "Sink",
                new OperatorSpec.SinkSpec(sink), TypeInformation.of(Void.class));
        environment.addOperator(t);
        return new DataStreamSink<>(t);
    }

    /**
     * Writes the stream through a sink function, such as a
     * {@link io.runnel.api.connector.sink.TwoPhaseCommitSinkFunction}; it gets checkpoint calls if it implements
     * them.
     */
    public DataStreamSink<T> addSink(SinkFunction<T> function) {
        OneInputTransformation<T, Void> t = new OneInputTransformation<>(transformation, "Sink",
                new OperatorSpec.SinkFunctionSpec(function), TypeInformation.of(Void.class));
        environment.addOperator(t);
        return new DataStreamSink<>(t);
    }

    /** Adds an operator reading this stream; used by the API. */
    protected <R> SingleOutputStreamOperator<R> transform(String name, OperatorSpec spec, TypeInformation<R> type) {
        OneInputTransformation<T, R> t = new OneInputTransformation<>(transformation, name, spec, type);
        return new SingleOutputStreamOperator<>(environment, t);
    }

    /**
     * Connects this stream with {@code other} for one two-input operator; the two may have different types.
     *
     * @return the connected streams, to key and process
     * @throws IllegalArgumentException if the streams belong to different environments
     */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(environment, this, other);
    }

    /**
     * Connects this stream with a broadcast stream: every parallel instance of the operator sees every broadcast
     * record and keeps the broadcast states.
     *
     * @return the connected streams, to process with a (keyed) broadcast process function
     * @throws IllegalArgumentException if the streams belong to different environments
     */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(environment, this, broadcastStream);
    }

    /**
     * Sends every record to every parallel instance of the operator it is connected to, which keeps a
     * {@link io.runnel.api.state.BroadcastState} per descriptor.
     *
     * @param descriptors names and types of the broadcast states; at least one
     * @return the broadcast stream, to connect to another stream
     * @throws IllegalArgumentException if no descriptor is given
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
        return new BroadcastStream<>(environment, broadcast().transformation, List.of(descriptors));
    }

    /**
     * Starts a windowed inner join with {@code other}: {@code join(other).where(..).equalTo(..).window(..)
     * .apply(joinFunction)}.
     */
    public <R> JoinedStreams<T, R> join(DataStream<R> other) {
        return new JoinedStreams<>(this, other);
    }

    /**
     * Starts a windowed coGroup with {@code other}: {@code coGroup(other).where(..).equalTo(..).window(..)
     * .apply(coGroupFunction)}.
     */
    public <R> CoGroupedStreams<T, R> coGroup(DataStream<R> other) {
        return new CoGroupedStreams<>(this, other);
    }
}
