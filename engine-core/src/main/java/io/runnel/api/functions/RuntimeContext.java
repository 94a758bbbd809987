package io.runnel.api.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.Accumulator;
import io.runnel.api.common.LongCounter;
import io.runnel.api.state.KeyedStateStore;
import java.io.Serializable;

/**
 * What a running function may know about and use from the task it runs in.
 *
 * <p><b>Threading:</b> task thread only.
 */
@Public
public interface RuntimeContext extends KeyedStateStore {

    /** @return the name of the task (the operator chain), e.g. {@code "Map -> Filter"} */
    String getTaskName();

    /** @return this subtask's index, {@code 0 <= index < getNumberOfParallelSubtasks()} */
    int getIndexOfThisSubtask();

    /** @return the parallelism of this operator */
    int getNumberOfParallelSubtasks();

    /** @return the max parallelism (number of key groups) of this operator */
    int getMaxNumberOfParallelSubtasks();

    /** @return which attempt this is: 0 for the first run, +1 for each restart */
    int getAttemptNumber();

    /**
     * @return true if the job takes periodic checkpoints; a task then ends only after a checkpoint taken after its
     *     operators finished (its final checkpoint), so a sink may leave its last transaction to that checkpoint
     */
    boolean isCheckpointingEnabled();

    /** @return the class loader of the job's code */
    ClassLoader getUserCodeClassLoader();

    /**
     * @return the counter of that name for this subtask, created on first use; the job's result reports the sum
     *     over all subtasks under the same name
     */
    LongCounter getLongCounter(String name);

    /**
     * Registers an accumulator under {@code name}; the job's result holds the merge over all subtasks.
     *
     * @throws IllegalStateException if this subtask already registered an accumulator under that name
     */
    <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator);
}
