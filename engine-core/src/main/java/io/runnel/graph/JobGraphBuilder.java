package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import io.runnel.api.common.OutputTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains the {@link StreamGraph}'s operators into {@link JobVertex}es (Flink's operator chaining): an edge is
 * chained when it is FORWARD, both ends have the same parallelism, the consumer has no other input and both
 * allow chaining. A two-input operator is never chained to its inputs: it heads its own chain, and its task's
 * input processor tells the inputs apart by the input index of each edge. A chain is a tree rooted at its head;
 * records flow down it by direct method calls.
 *
 * <p><b>Threading:</b> single use, on the job-building thread.
 */
@Internal
public final class JobGraphBuilder {

    private final StreamGraph streamGraph;
    private final Map<Integer, Integer> vertexOfNode = new HashMap<>();
    private final Map<Integer, Integer> indexInChain = new HashMap<>();
    private final List<JobVertex> vertices = new ArrayList<>();
    private final List<JobEdge> edges = new ArrayList<>();

    public JobGraphBuilder(StreamGraph streamGraph) {
        this.streamGraph = streamGraph;
    }

    /**
     * @throws IllegalArgumentException if a user function is not serializable (the message names the operator)
     */
    public JobGraph build(JobId jobId, Configuration configuration) {
        List<List<StreamNode>> chains = new ArrayList<>();
        for (StreamNode node : streamGraph.getNodes()) {
            if (!isChainedToPredecessor(node)) {
                List<StreamNode> chain = new ArrayList<>();
                collectChain(node, chain);
                for (int i = 0; i < chain.size(); i++) {
                    vertexOfNode.put(chain.get(i).getId(), chains.size());
                    indexInChain.put(chain.get(i).getId(), i);
                }
                chains.add(chain);
            }
        }
        Map<Integer, List<Integer>> inputsOfVertex = new LinkedHashMap<>();
        Map<Integer, List<Integer>> outputsOfVertex = new LinkedHashMap<>();
        Map<StreamEdge, Integer> edgeIds = new HashMap<>();
        for (StreamNode node : streamGraph.getNodes()) {
            for (StreamEdge e : node.getOutEdges()) {
                if (!isChainable(e)) {
                    int id = edges.size();
                    StreamNode target = streamGraph.getNode(e.targetId());
                    edges.add(new JobEdge(id, vertexOfNode.get(e.sourceId()), vertexOfNode.get(e.targetId()),
                            SerializedValue.of(e.partitioner(), "the partitioner into '" + target.getName() + "'"),
                            e.partitioner().kind(),
                            e.outputTag() == null ? node.getOutputType() : e.outputTag().getTypeInfo(),
                            e.inputIndex()));
                    edgeIds.put(e, id);
                    outputsOfVertex.computeIfAbsent(vertexOfNode.get(e.sourceId()), k -> new ArrayList<>()).add(id);
                    inputsOfVertex.computeIfAbsent(vertexOfNode.get(e.targetId()), k -> new ArrayList<>()).add(id);
                }
            }
        }
        for (int v = 0; v < chains.size(); v++) {
            vertices.add(toVertex(v, chains.get(v), edgeIds, inputsOfVertex, outputsOfVertex));
        }
        return new JobGraph(jobId, streamGraph.getJobName(), List.copyOf(vertices), List.copyOf(edges),
                new Configuration(configuration));
    }

    private JobVertex toVertex(int id, List<StreamNode> chain, Map<StreamEdge, Integer> edgeIds,
                               Map<Integer, List<Integer>> inputs, Map<Integer, List<Integer>> outputs) {
        List<ChainedOperator> ops = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (StreamNode n : chain) {
            List<Integer> chained = new ArrayList<>();
            List<Integer> network = new ArrayList<>();
            List<OutputTag<?>> chainedTags = new ArrayList<>();
            List<OutputTag<?>> networkTags = new ArrayList<>();
            for (StreamEdge e : n.getOutEdges()) {
                if (isChainable(e)) {
                    chained.add(indexInChain.get(e.targetId()));
                    chainedTags.add(e.outputTag());
                } else {
                    network.add(edgeIds.get(e));
                    networkTags.add(e.outputTag());
                }
            }
            String what = n.getSpec().userObject().getClass().getName();
            ops.add(new ChainedOperator(n.getId(), n.getName(), n.getUid(),
                    SerializedValue.of(n.getSpec(), "The " + n.getSpec().defaultName() + " function (" + what
                            + ") of operator '" + n.getName() + "'"),
                    n.getOutputType(), List.copyOf(chained), List.copyOf(network),
                    Collections.unmodifiableList(chainedTags), Collections.unmodifiableList(networkTags)));
            name.append(name.length() == 0 ? "" : " -> ").append(n.getName());
        }
        StreamNode head = chain.get(0);
        return new JobVertex(id, name.toString(), head.getParallelism(), head.getMaxParallelism(), List.copyOf(ops),
                List.copyOf(inputs.getOrDefault(id, List.of())), List.copyOf(outputs.getOrDefault(id, List.of())));
    }

    private void collectChain(StreamNode node, List<StreamNode> chain) {
        chain.add(node);
        for (StreamEdge e : node.getOutEdges()) {
            if (isChainable(e)) {
                collectChain(streamGraph.getNode(e.targetId()), chain);
            }
        }
    }

    private boolean isChainedToPredecessor(StreamNode node) {
        return node.getInEdges().size() == 1 && isChainable(node.getInEdges().get(0));
    }

    private boolean isChainable(StreamEdge e) {
        StreamNode up = streamGraph.getNode(e.sourceId());
        StreamNode down = streamGraph.getNode(e.targetId());
        return e.partitioner().kind() == PartitionerSpec.Kind.FORWARD
                && up.getParallelism() == down.getParallelism()
                && down.getInEdges().size() == 1
                && !OperatorSpec.isTwoInput(down.getSpec())
                && up.isChainingAllowed() && down.isChainingAllowed();
    }
}
