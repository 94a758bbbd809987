package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the transformations recorded by the DataStream API into a {@link StreamGraph}: sources and
 * operators (one- and two-input) become nodes; unions and partitionings become edges, and each edge records which
 * input of its consumer it feeds. An edge without an explicit partitioner is
 * FORWARD when both ends have the same parallelism and REBALANCE otherwise (as in Flink).
 *
 * <p><b>Threading:</b> single use, on the job-building thread.
 */
@Internal
public final class StreamGraphGenerator {

    private final int defaultParallelism;
    private final int defaultMaxParallelism;
    private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();
    private final Map<Integer, List<Endpoint>> translated = new HashMap<>();

    /**
     * An upstream node, the partitioner the edge from it gets (null: decide by parallelism) and the side output
     * it reads (null: the main output).
     */
    private record Endpoint(StreamNode node, PartitionerSpec partitioner, OutputTag<?> tag) {
    }

    /**
     * @param defaultParallelism parallelism of transformations that set none
     * @param defaultMaxParallelism max parallelism (key groups) of transformations that set none
     */
    public StreamGraphGenerator(int defaultParallelism, int defaultMaxParallelism) {
        this.defaultParallelism = defaultParallelism;
        this.defaultMaxParallelism = defaultMaxParallelism;
    }

    /**
     * @param jobName the job's name
     * @param sinks the transformations to translate (with everything they read)
     * @throws IllegalArgumentException for an invalid graph, e.g. FORWARD between different parallelisms
     */
    public StreamGraph generate(String jobName, List<Transformation<?>> sinks) {
        if (sinks.isEmpty()) {
            throw new IllegalStateException("No operators defined in the job; call sinkTo(...) before execute()");
        }
        for (Transformation<?> t : sinks) {
            translate(t);
        }
        return new StreamGraph(jobName, nodes);
    }

    private List<Endpoint> translate(Transformation<?> t) {
        List<Endpoint> done = translated.get(t.getId());
        if (done != null) {
            return done;
        }
        List<Endpoint> result;
        if (t instanceof UnionTransformation<?> u) {
            result = new ArrayList<>();
            for (Transformation<?> in : u.getInputs()) {
                result.addAll(translate(in));
            }
        } else if (t instanceof PartitionTransformation<?> p) {
            result = new ArrayList<>();
            for (Endpoint e : translate(p.getInput())) {
                result.add(new Endpoint(e.node(), p.getPartitioner(), e.tag()));
            }
        } else if (t instanceof SideOutputTransformation<?> side) {
            result = new ArrayList<>();
            for (Endpoint e : translate(side.getInput())) {
                result.add(new Endpoint(e.node(), e.partitioner(), side.getTag()));
            }
        } else if (t instanceof SourceTransformation<?> s) {
            OperatorSpec spec = new OperatorSpec.SourceSpec(s.getSource(), s.getWatermarkStrategy());
            result = List.of(new Endpoint(addNode(t, spec), null, null));
        } else if (t instanceof OneInputTransformation<?, ?> o) {
            List<Endpoint> inputs = translate(o.getInput());
            StreamNode node = addNode(t, o.getSpec());
            for (Endpoint in : inputs) {
                connect(in, node, 1);
            }
            result = List.of(new Endpoint(node, null, null));
        } else if (t instanceof TwoInputTransformation<?, ?, ?> two) {
            result = List.of(new Endpoint(translateTwoInput(two), null, null));
        } else {
            throw new IllegalArgumentException("Unknown transformation " + t);
        }
        translated.put(t.getId(), result);
        return result;
    }

    /** Both inputs first (so nodes stay in topological order), then the node; edges carry their input index. */
    private StreamNode translateTwoInput(TwoInputTransformation<?, ?, ?> two) {
        List<Endpoint> inputs1 = translate(two.getInput1());
        List<Endpoint> inputs2 = translate(two.getInput2());
        StreamNode node = addNode(two, two.getSpec());
        for (Endpoint in : inputs1) {
            connect(in, node, 1);
        }
        for (Endpoint in : inputs2) {
            connect(in, node, 2);
        }
        return node;
    }

    private StreamNode addNode(Transformation<?> t, OperatorSpec spec) {
        int p = t.getParallelism() > 0 ? t.getParallelism() : defaultParallelism;
        int maxP = t.getMaxParallelism() > 0 ? t.getMaxParallelism() : defaultMaxParallelism;
        if (OperatorSpec.isKeyed(spec) && p > maxP) {
            throw new IllegalArgumentException("Operator '" + t.getName() + "' has parallelism " + p
                    + " above its max parallelism " + maxP + "; keyed state has only " + maxP + " key groups");
        }
        StreamNode node = new StreamNode(t.getId(), t.getName(), t.getUid(), p, Math.max(maxP, p), spec,
                t.getOutputType(), t.isChainingAllowed());
        nodes.put(node.getId(), node);
        return node;
    }

    private static void connect(Endpoint from, StreamNode to, int inputIndex) {
        PartitionerSpec partitioner = from.partitioner();
        boolean sameParallelism = from.node().getParallelism() == to.getParallelism();
        if (partitioner == null) {
            partitioner = sameParallelism ? PartitionerSpec.FORWARD : PartitionerSpec.REBALANCE;
        } else if (partitioner.kind() == PartitionerSpec.Kind.FORWARD && !sameParallelism) {
            throw new IllegalArgumentException("Forward partitioning from '" + from.node().getName() + "' (p="
                    + from.node().getParallelism() + ") to '" + to.getName() + "' (p=" + to.getParallelism()
                    + ") changes the parallelism; use rebalance() or rescale()");
        }
        StreamEdge edge = new StreamEdge(from.node().getId(), to.getId(), partitioner, from.tag(), inputIndex);
        from.node().getOutEdges().add(edge);
        to.getInEdges().add(edge);
    }
}
