package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.source.Source;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import java.io.Serializable;

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

    /** Reads from a FLIP-27 source. */
    record SourceSpec(Source<?, ?, ?> source) implements OperatorSpec {
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
            implements OperatorSpec {
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
                      ProcessWindowFunction<?, ?, ?, ?> windowFunction, String name) implements OperatorSpec {
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
        if (spec instanceof KeyedProcessSpec k) {
            return k.keyType();
        } else if (spec instanceof WindowSpec w) {
            return w.keyType();
        }
        throw new IllegalArgumentException("not a keyed operator: " + spec.defaultName());
    }

    /** @return true if the operator has keyed state */
    static boolean isKeyed(OperatorSpec spec) {
        return spec instanceof KeyedProcessSpec || spec instanceof WindowSpec;
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
