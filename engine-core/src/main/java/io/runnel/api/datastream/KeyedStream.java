package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.common.Tuple2;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.windows.Window;
import io.runnel.graph.OperatorSpec;
import io.runnel.graph.PartitionTransformation;
import io.runnel.graph.PartitionerSpec;

/**
 * A stream partitioned by key. Operators on it see each key's records on one subtask and can keep state per key.
 * The running aggregations ({@code reduce}, {@code sum}, {@code min}, {@code max}, {@code aggregate}) emit the
 * updated result for every input record, as Flink's do.
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T> the record type
 * @param <K> the key type
 */
@Public
public class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;
    private final TypeInformation<K> keyType;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.environment,
                new PartitionTransformation<>(input.transformation, PartitionerSpec.hash(keySelector)));
        this.keySelector = keySelector;
        this.keyType = TypeExtractor.outputType(keySelector, KeySelector.class, 1, true);
    }

    /** Keys {@code input} with a key type stated by the caller, for selectors whose type cannot be extracted. */
    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
        super(input.environment,
                new PartitionTransformation<>(input.transformation, PartitionerSpec.hash(keySelector)));
        this.keySelector = keySelector;
        this.keyType = keyType;
    }

    /** @return the key type, or the generic type when it cannot be found (keys then carry their class) */
    public TypeInformation<K> getKeyType() {
        return keyType;
    }

    /** @return the key selector */
    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    /** Applies a {@link KeyedProcessFunction}, with keyed state and the current key in its context. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        return keyed("KeyedProcess", function,
                TypeExtractor.outputType(function, KeyedProcessFunction.class, 2, false));
    }

    /**
     * Cuts this stream into windows per key.
     *
     * @param assigner e.g. {@code TumblingEventTimeWindows.of(Duration.ofHours(1))}
     * @return a windowed stream to configure and apply a window function to
     */
    public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Emits, per record, the reduction of all records so far of its key. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return keyed("Reduce", new KeyedAggregations.Reduce<>(reducer, getType()), getType());
    }

    /**
     * Emits, per record, the aggregate of all records so far of its key.
     *
     * @param function the aggregation; its accumulator is kept in keyed state
     */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return keyed("Aggregate", new KeyedAggregations.Aggregate<>(function),
                TypeExtractor.outputType(function, AggregateFunction.class, 2, false));
    }

    /**
     * Emits, per record, {@code (key, running sum of field over the key's records)}. The sum has the class of
     * the field's values ({@code Long}, {@code Integer}, {@code Double}, ...).
     */
    public <N extends Number> SingleOutputStreamOperator<Tuple2<K, N>> sum(KeySelector<T, N> field) {
        TypeInformation<Tuple2<K, N>> type = tupleType();
        return keyed("Sum", new KeyedAggregations.Sum<>(field), type);
    }

    /** Emits, per record, the record with the smallest {@code field} seen so far for its key (first wins ties). */
    public <C extends Comparable<C>> SingleOutputStreamOperator<T> min(KeySelector<T, C> field) {
        return keyed("Min", new KeyedAggregations.MinMax<>(field, false, getType()), getType());
    }

    /** Emits, per record, the record with the largest {@code field} seen so far for its key (first wins ties). */
    public <C extends Comparable<C>> SingleOutputStreamOperator<T> max(KeySelector<T, C> field) {
        return keyed("Max", new KeyedAggregations.MinMax<>(field, true, getType()), getType());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <X> TypeInformation<X> tupleType() {
        return (TypeInformation) TypeInformation.of(Tuple2.class);
    }

    private <R> SingleOutputStreamOperator<R> keyed(String name, KeyedProcessFunction<K, T, R> fn,
                                                    TypeInformation<R> type) {
        return transform(name, new OperatorSpec.KeyedProcessSpec(fn, keySelector, keyType, name), type);
    }

    /**
     * Starts an event-time interval join of this stream (left) with {@code other} (right), keyed alike:
     * {@code intervalJoin(other).between(lower, upper).process(joinFunction)}.
     *
     * @throws IllegalArgumentException if the streams belong to different environments
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        return new IntervalJoin<>(this, other);
    }
}
