package io.runnel.graph;

import io.runnel.annotation.Internal;
import io.runnel.api.common.OutputTag;
import io.runnel.api.typeutils.TypeInformation;
import java.io.Serializable;
import java.util.List;

/**
 * One operator inside a {@link JobVertex}'s chain.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param nodeId the id of the stream node it came from
 * @param name operator name
 * @param uid user-given stable id, or null
 * @param spec what it does, serialized so every subtask deserializes its own copy of the user function
 * @param outputType the type of its output records
 * @param chainedOutputs indexes (into the vertex's operator list) of operators it calls directly
 * @param networkOutputs ids of the job edges its output is written to
 * @param chainedOutputTags per chained output, the side output it takes, or null for the main output
 * @param networkOutputTags per network output, the side output it takes, or null for the main output
 */
@Internal
public record ChainedOperator(int nodeId, String name, String uid, SerializedValue<OperatorSpec> spec,
                              TypeInformation<?> outputType, List<Integer> chainedOutputs,
                              List<Integer> networkOutputs, List<OutputTag<?>> chainedOutputTags,
                              List<OutputTag<?>> networkOutputTags) implements Serializable {
}
