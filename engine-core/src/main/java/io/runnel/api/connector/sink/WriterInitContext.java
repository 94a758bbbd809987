package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;
import io.runnel.api.functions.RuntimeContext;

/**
 * What a sink writer may know when it is created.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface WriterInitContext {

    /** @return the index of this writer's subtask */
    int getSubtaskId();

    /** @return the sink's parallelism */
    int getNumberOfParallelSubtasks();

    /** @return the runtime context of the sink's task (counters, accumulators) */
    RuntimeContext getRuntimeContext();
}
