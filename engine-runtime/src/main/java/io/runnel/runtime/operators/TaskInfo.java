package io.runnel.runtime.operators;

/**
 * Facts about a running subtask.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param taskName the task's (chain's) name
 * @param subtaskIndex this subtask's index
 * @param parallelism the vertex's parallelism
 * @param maxParallelism the vertex's number of key groups
 * @param attemptNumber 0 for the first run, +1 per restart
 * @param userClassLoader the job's class loader
 */
public record TaskInfo(String taskName, int subtaskIndex, int parallelism, int maxParallelism, int attemptNumber,
                       ClassLoader userClassLoader) {

    /** @return e.g. {@code "Map -> Filter (2/4)"} */
    public String nameWithSubtask() {
        return taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
    }
}
