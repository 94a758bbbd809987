package io.runnel.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.source.Source;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.CoProcessFunction;
import io.runnel.api.functions.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chaining decisions and graph validation, without running anything. */
class JobGraphBuilderTest {

    @SuppressWarnings("unchecked")
    private static final Source<Long, ?, ?> SOURCE = (Source<Long, ?, ?>) (Source<?, ?, ?>) new DummySource();
    private static final Sink<Object> SINK = context -> {
        throw new UnsupportedOperationException("not run in this test");
    };

    @Test
    void chainsForwardEdgesOfEqualParallelismAndCutsAtKeyByAndRebalance() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(SOURCE, "nums").map(x -> x + 1).filter(x -> x > 0)
                .keyBy(x -> x % 3).reduce(Long::sum)
                .rebalance().map(x -> (Object) x).setParallelism(3)
                .sinkTo(SINK);
        JobGraph g = env.getJobGraph("job");
        List<String> names = g.vertices().stream().map(JobVertex::name).toList();
        // The sink takes the default parallelism (2), not its input's (3), so it is not chained to the map.
        assertEquals(List.of("Source: nums -> Map -> Filter", "Reduce", "Map", "Sink"), names);
        assertEquals(List.of(2, 2, 3, 2), g.vertices().stream().map(JobVertex::parallelism).toList());
        assertEquals(List.of(PartitionerSpec.Kind.HASH, PartitionerSpec.Kind.REBALANCE, PartitionerSpec.Kind.REBALANCE),
                g.edges().stream().map(JobEdge::partitionerKind).toList());
    }

    @Test
    void unionAndDisabledChainingMakeSeparateInputs() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        DataStream<Long> a = env.fromSource(SOURCE, "a");
        DataStream<Long> b = env.fromSource(SOURCE, "b");
        a.union(b).map(x -> x).disableChaining().sinkTo(cast(SINK));
        JobGraph g = env.getJobGraph("union");
        JobVertex map = g.vertices().get(2);
        assertEquals("Map", map.name());
        assertEquals(2, map.inputEdges().size());
        assertEquals(4, g.vertices().size());
    }

    @Test
    void rejectsForwardBetweenDifferentParallelismAndNonSerializableFunctions() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.fromSource(SOURCE, "s").forward().map(x -> x).setParallelism(3).sinkTo(cast(SINK));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.getJobGraph("bad"));
        assertTrue(e.getMessage().contains("Forward partitioning"), e.getMessage());

        Object notSerializable = new Object();
        env.fromSource(SOURCE, "s").map(x -> x + notSerializable.hashCode()).sinkTo(cast(SINK));
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> env.getJobGraph("bad2"));
        assertTrue(e2.getMessage().contains("Map") && e2.getMessage().contains("not serializable"), e2.getMessage());
    }

    /** Passes values through; never run here. */
    static final class PassThrough extends CoProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement1(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }

        @Override
        public void processElement2(Long value, Context ctx, Collector<Long> out) {
            out.collect(value);
        }
    }

    @Test
    void aTwoInputOperatorHeadsItsChainAndItsEdgesCarryTheirInputIndex() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        DataStream<Long> a = env.fromSource(SOURCE, "a");
        DataStream<Long> b = env.fromSource(SOURCE, "b");
        DataStream<Long> c = env.fromSource(SOURCE, "c");
        // Input 1 is a union of two forward edges; input 2 one forward edge: none may chain into the operator.
        a.union(c).connect(b).process(new PassThrough()).map(x -> x).sinkTo(cast(SINK));
        JobGraph g = env.getJobGraph("two inputs");
        List<String> names = g.vertices().stream().map(JobVertex::name).toList();
        assertEquals(List.of("Source: a", "Source: c", "Source: b", "CoProcess -> Map -> Sink"), names);
        JobVertex coProcess = g.vertices().get(3);
        List<Integer> inputIndexes = coProcess.inputEdges().stream().map(id -> g.edge(id).inputIndex()).toList();
        assertEquals(List.of(1, 1, 2), inputIndexes);
        assertTrue(coProcess.inputEdges().stream()
                .allMatch(id -> g.edge(id).partitionerKind() == PartitionerSpec.Kind.FORWARD));
    }

    @Test
    void emptyJobIsAnError() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        assertThrows(IllegalStateException.class, () -> env.getJobGraph("empty"));
    }

    @SuppressWarnings("unchecked")
    private static <T> Sink<T> cast(Sink<?> sink) {
        return (Sink<T>) sink;
    }
}
