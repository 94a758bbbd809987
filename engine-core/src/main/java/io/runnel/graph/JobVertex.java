package io.runnel.graph;

import io.runnel.annotation.Internal;
import java.io.Serializable;
import java.util.List;

/**
 * A chain of operators that runs as one task per parallel subtask.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param id vertex id, unique in the job
 * @param name the chain's name, e.g. {@code "Source: numbers -> Map -> Filter"}
 * @param parallelism number of subtasks
 * @param maxParallelism number of key groups
 * @param operators the chain, head first; each operator comes after the one that feeds it
 * @param inputEdges ids of the edges this vertex reads
 * @param outputEdges ids of the edges this vertex writes
 */
@Internal
public record JobVertex(int id, String name, int parallelism, int maxParallelism, List<ChainedOperator> operators,
                        List<Integer> inputEdges, List<Integer> outputEdges) implements Serializable {

    /** @return true if the chain starts with a source */
    public boolean isSource() {
        return inputEdges.isEmpty();
    }
}
