package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.source.Source;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.FilterFunction;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.typeutils.TypeInformation;
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
