package io.runnel.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.source.Source;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.environment.StreamExecutionEnvironment;
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
