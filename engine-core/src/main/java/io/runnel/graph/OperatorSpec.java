package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkFunction;
import io.runnel.api.functions.async.AsyncFunction;
import io.runnel.api.connector.source.Source;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.BroadcastProcessFunction;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedBroadcastProcessFunction;
import io.runnel.api.functions.KeyedCoProcessFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.ProcessJoinFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import java.io.Serializable;
import java.util.List;

/**
 * What an operator of the graph does: the kind of operator plus the user function it runs. The API (in
 * engine-core) builds specs; engine-runtime turns each spec into a running operator. Keeping the operators out
 * of core is what lets core not depend on the runtime.
 *
 * <p><b>Threading:</b> immutable (the user functions inside are copied per subtask by serialization).
 */
@Internal
public sealed interface OperatorSpec extends Serializable {

    /** @return a short operator name for task names, e.g. {@code "Map"} */
    String defaultName();

    /** @return the user function or connector object, for error messages */
    Object userObject();

    /**
     * Reads from a FLIP-27 source.
     *
     * @param source the source
     * @param watermarkStrategy event time generated per split inside the source, or null for none
     */
    record SourceSpec(Source<?, ?, ?> source, WatermarkStrategy<?> watermarkStrategy) implements OperatorSpec {
        public String defaultName() {
            return "Source";
        }

        public Object userObject() {
            return source;
        }
    }

    /** Applies a {@link MapFunction}. */
    record MapSpec(MapFunction<?, ?> function) implements OperatorSpec {
        public String defaultName() {
            return "Map";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Applies a {@link FilterFunction}. */
    record FilterSpec(FilterFunction<?> function) implements OperatorSpec {
        public String defaultName() {
            return "Filter";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Applies a {@link FlatMapFunction}. */
    record FlatMapSpec(FlatMapFunction<?, ?> function) implements OperatorSpec {
        public String defaultName() {
            return "FlatMap";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Applies a {@link ProcessFunction}. */
    record ProcessSpec(ProcessFunction<?, ?> function) implements OperatorSpec {
        public String defaultName() {
            return "Process";
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * Applies a {@link KeyedProcessFunction} with keyed state scoped by {@code keySelector}, whose keys have type
     * {@code keyType} (for backends and timers that store keys as bytes).
     */
    record KeyedProcessSpec(KeyedProcessFunction<?, ?, ?> function, KeySelector<?, ?> keySelector,
                            TypeInformation<?> keyType, String name)
            implements KeyedSpec {
        public String defaultName() {
            return name;
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * A keyed window operator: windows from {@code assigner}, fired by {@code trigger}, holding the elements'
     * reduction ({@code incremental} a {@link ReduceFunction}), aggregate ({@code incremental} an
     * {@link AggregateFunction}) or the elements themselves ({@code incremental} null); {@code windowFunction}, if
     * not null, turns a fired window's contents into output, else the reduction or aggregate result is emitted.
     *
     * @param assigner assigns windows to elements
     * @param trigger decides when windows fire
     * @param evictor removes elements around the window function, or null
     * @param allowedLatenessMillis how long after its end a window still takes late elements, in ms
     * @param lateDataTag where dropped late elements go, or null to drop them
     * @param keySelector the stream's key selector
     * @param keyType the key type
     * @param inputType the element type
     * @param incremental a ReduceFunction, an AggregateFunction, or null
     * @param windowFunction a ProcessWindowFunction, or null
     * @param name the operator name
     */
    record WindowSpec(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger, Evictor<?, ?> evictor,
                      long allowedLatenessMillis, OutputTag<?> lateDataTag, KeySelector<?, ?> keySelector,
                      TypeInformation<?> keyType, TypeInformation<?> inputType, Function incremental,
                      ProcessWindowFunction<?, ?, ?, ?> windowFunction, String name) implements KeyedSpec {
        public String defaultName() {
            return name;
        }

        public Object userObject() {
            return windowFunction != null ? windowFunction : incremental != null ? incremental : assigner;
        }
    }

    /**
     * @return the key type of a keyed operator's spec
     * @throws IllegalArgumentException if the spec is not keyed
     */
    static TypeInformation<?> keyTypeOf(OperatorSpec spec) {
        if (spec instanceof KeyedSpec k) {
            return k.keyType();
        }
        throw new IllegalArgumentException("not a keyed operator: " + spec.defaultName());
    }

    /** @return true if the operator has keyed state */
    static boolean isKeyed(OperatorSpec spec) {
        return spec instanceof KeyedSpec;
    }

    /** @return true if the operator has two inputs (and so heads its chain) */
    static boolean isTwoInput(OperatorSpec spec) {
        return spec instanceof TwoInputSpec;
    }

    /** An operator with keyed state: the runtime creates a keyed state backend for it. */
    sealed interface KeyedSpec extends OperatorSpec {
        /** @return the type of the keys, for backends and timers that store keys as bytes */
        TypeInformation<?> keyType();
    }

    /**
     * An operator with two inputs: never chained to an input; its input edges carry input index 1 or 2. After
     * Flink's {@code TwoInputStreamOperator}.
     */
    sealed interface TwoInputSpec extends OperatorSpec {
    }

    /** Applies a {@link CoProcessFunction} to two connected streams. */
    record CoProcessSpec(CoProcessFunction<?, ?, ?> function) implements TwoInputSpec {
        public String defaultName() {
            return "CoProcess";
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * Applies a {@link KeyedCoProcessFunction} to two connected keyed streams, with keyed state and timers
     * scoped by {@code keySelector1} for the first input's values and {@code keySelector2} for the second's.
     */
    record KeyedCoProcessSpec(KeyedCoProcessFunction<?, ?, ?, ?> function, KeySelector<?, ?> keySelector1,
                              KeySelector<?, ?> keySelector2, TypeInformation<?> keyType)
            implements KeyedSpec, TwoInputSpec {
        public String defaultName() {
            return "KeyedCoProcess";
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * An event-time interval join of two keyed streams: a left value at {@code l} and a right value at {@code r}
     * of one key join when {@code l + lowerBoundMillis <= r <= l + upperBoundMillis} (both bounds inclusive; the
     * API has already turned exclusive bounds into inclusive ones).
     *
     * @param function called per joined pair
     * @param lowerBoundMillis the lower bound in ms, inclusive
     * @param upperBoundMillis the upper bound in ms, inclusive; at least {@code lowerBoundMillis}
     * @param keySelector1 the left stream's key selector
     * @param keySelector2 the right stream's key selector
     * @param keyType the key type
     * @param leftType the left values' type (for the buffer state)
     * @param rightType the right values' type (for the buffer state)
     */
    record IntervalJoinSpec(ProcessJoinFunction<?, ?, ?> function, long lowerBoundMillis, long upperBoundMillis,
                            KeySelector<?, ?> keySelector1, KeySelector<?, ?> keySelector2,
                            TypeInformation<?> keyType, TypeInformation<?> leftType, TypeInformation<?> rightType)
            implements KeyedSpec, TwoInputSpec {
        public String defaultName() {
            return "IntervalJoin";
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * Applies a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream, input 2 the broadcast one,
     * whose {@code descriptors} name the broadcast states.
     */
    record BroadcastProcessSpec(BroadcastProcessFunction<?, ?, ?> function,
                                List<MapStateDescriptor<?, ?>> descriptors) implements TwoInputSpec {
        public String defaultName() {
            return "BroadcastProcess";
        }

        public Object userObject() {
            return function;
        }
    }

    /**
     * Applies a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (keyed by {@code keySelector}),
     * input 2 the broadcast one, whose {@code descriptors} name the broadcast states.
     */
    record KeyedBroadcastProcessSpec(KeyedBroadcastProcessFunction<?, ?, ?, ?> function,
                                     KeySelector<?, ?> keySelector, TypeInformation<?> keyType,
                                     List<MapStateDescriptor<?, ?>> descriptors)
            implements KeyedSpec, TwoInputSpec {
        public String defaultName() {
            return "KeyedBroadcastProcess";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Assigns timestamps and generates watermarks with a {@link WatermarkStrategy}. */
    record TimestampsAndWatermarksSpec(WatermarkStrategy<?> strategy) implements OperatorSpec {
        public String defaultName() {
            return "Timestamps/Watermarks";
        }

        public Object userObject() {
            return strategy;
        }
    }

    /**
     * Asynchronous lookups.
     *
     * @param function the lookup
     * @param inputType the input type (its serializer writes in-flight inputs into checkpoints)
     * @param timeoutMillis how long one lookup may take, ms
     * @param capacity lookups in flight per subtask
     * @param ordered whether results keep input order
     */
    record AsyncSpec(AsyncFunction<?, ?> function, TypeInformation<?> inputType, long timeoutMillis, int capacity,
                     boolean ordered) implements OperatorSpec {
        public String defaultName() {
            return ordered ? "AsyncOrdered" : "AsyncUnordered";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Writes through a {@link SinkFunction} (e.g. a two-phase-commit sink). */
    record SinkFunctionSpec(SinkFunction<?> function) implements OperatorSpec {
        public String defaultName() {
            return "Sink";
        }

        public Object userObject() {
            return function;
        }
    }

    /** Writes to a {@link Sink}. */
    record SinkSpec(Sink<?> sink) implements OperatorSpec {
        public String defaultName() {
            return "Sink";
        }

        public Object userObject() {
            return sink;
        }
    }
}
