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
 * @param inputIndex which input of the consumer the edge feeds: 1 for one-input operators and the first input of
 *     a two-input operator, 2 for the second input of a two-input operator
 */
@Internal
public record StreamEdge(int sourceId, int targetId, PartitionerSpec partitioner, OutputTag<?> outputTag,
                         int inputIndex) {
}
