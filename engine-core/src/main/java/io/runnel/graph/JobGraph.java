package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import java.io.Serializable;
import java.util.List;

/**
 * The job as the JobManager receives it: chained vertices and the edges between them, plus the job's
 * configuration. Self-contained and serializable, so it can be shipped to a remote cluster.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param jobId the job's id
 * @param name the job's name
 * @param vertices vertices in topological order (producers before consumers)
 * @param edges all edges, indexed by their id
 * @param configuration the job's configuration (execution options such as the buffer timeout)
 */
@Internal
public record JobGraph(JobId jobId, String name, List<JobVertex> vertices, List<JobEdge> edges,
                       Configuration configuration) implements Serializable {

    /** @return the edge with that id */
    public JobEdge edge(int edgeId) {
        return edges.get(edgeId);
    }

    /** @return the vertex with that id */
    public JobVertex vertex(int vertexId) {
        for (JobVertex v : vertices) {
            if (v.id() == vertexId) {
                return v;
            }
        }
        throw new IllegalArgumentException("no vertex " + vertexId + " in job " + name);
    }

    /**
     * @return the largest parallelism of any vertex: the number of slots the job needs (not to be confused with a
     *     vertex's {@code maxParallelism}, its number of key groups)
     */
    public int largestParallelism() {
        return vertices.stream().mapToInt(JobVertex::parallelism).max().orElse(1);
    }
}
