package io.runnel.connector.kafka;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The checkpointed state of a {@link KafkaSplitEnumerator}: the partitions it has handed to readers (whose
 * positions live in the readers' state) and the splits it has not handed out yet.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param assignedSplitIds ids of the splits already assigned to some reader
 * @param pendingSplits splits discovered but not yet assigned
 */
record KafkaEnumeratorState(Set<String> assignedSplitIds, List<KafkaPartitionSplit> pendingSplits)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    KafkaEnumeratorState {
        assignedSplitIds = Set.copyOf(assignedSplitIds);
        pendingSplits = List.copyOf(pendingSplits);
    }
}
