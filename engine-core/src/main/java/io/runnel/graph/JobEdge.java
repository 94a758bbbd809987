package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.typeutils.TypeInformation;
import java.io.Serializable;

/**
 * A data exchange between two job vertices. Every producer subtask writes one result partition per edge with
 * one subpartition per consumer subtask; the partitioner chooses the subpartition of each record.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param id edge id, unique in the job
 * @param sourceVertexId producing vertex
 * @param targetVertexId consuming vertex
 * @param partitioner how records are distributed (serialized: a hash partitioner holds a user key selector)
 * @param partitionerKind the partitioner's kind, readable without deserializing
 * @param recordType the type of the records on the edge
 * @param inputIndex which input of the consuming vertex's head operator the edge feeds: 1, or 2 for the second
 *     input of a two-input operator (see {@link StreamEdge#inputIndex()})
 */
@Internal
public record JobEdge(int id, int sourceVertexId, int targetVertexId,
                      SerializedValue<PartitionerSpec> partitioner, PartitionerSpec.Kind partitionerKind,
                      TypeInformation<?> recordType, int inputIndex) implements Serializable {
}
