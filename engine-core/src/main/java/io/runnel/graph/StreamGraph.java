package io.runnel.graph;

import io.runnel.annotation.Internal;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;

/**
 * The job's operators and their connections, before chaining. Built by {@link StreamGraphGenerator}; turned into
 * a {@link JobGraph} by {@link JobGraphBuilder}.
 *
 * <p><b>Threading:</b> read-only after construction.
 */
@Internal
public final class StreamGraph {

    private final String jobName;
    private final Map<Integer, StreamNode> nodes;

    StreamGraph(String jobName, Map<Integer, StreamNode> nodes) {
        this.jobName = jobName;
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    public String getJobName() {
        return jobName;
    }

    /** @return the nodes in creation order, which is a topological order */
    public Collection<StreamNode> getNodes() {
        return nodes.values();
    }

    public StreamNode getNode(int id) {
        return nodes.get(id);
    }
}
