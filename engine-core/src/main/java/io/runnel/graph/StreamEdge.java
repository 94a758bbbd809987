package io.runnel.graph;

import io.runnel.annotation.Internal;

/**
 * A data connection between two {@link StreamNode}s.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param sourceId the producing node
 * @param targetId the consuming node
 * @param partitioner how records are distributed over the consumer's subtasks
 */
@Internal
public record StreamEdge(int sourceId, int targetId, PartitionerSpec partitioner) {
}
