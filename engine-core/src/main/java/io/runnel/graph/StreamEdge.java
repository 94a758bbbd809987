package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;

/**
 * A data connection between two {@link StreamNode}s.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param sourceId the producing node
 * @param targetId the consuming node
 * @param partitioner how records are distributed over the consumer's subtasks
 * @param outputTag the side output the edge carries, or null for the main output
 */
@Internal
public record StreamEdge(int sourceId, int targetId, PartitionerSpec partitioner, OutputTag<?> outputTag) {
}
