package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/**
 * What an enumerator may do: see the readers and assign them splits.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 *
 * @param <SplitT> the split type
 */
@Public
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {

    /** @return the source's parallelism */
    int currentParallelism();

    /** @return the subtask indexes of the readers that have registered */
    Set<Integer> registeredReaders();

    /** Assigns a split to the reader of subtask {@code subtaskId}; delivered to it as a mail. */
    void assignSplit(SplitT split, int subtaskId);

    /** Tells the reader of subtask {@code subtaskId} that it will get no more splits. */
    void signalNoMoreSplits(int subtaskId);

    /**
     * Runs {@code callable} periodically on a worker thread of the source's coordinator, off the JobManager's main
     * thread (for blocking work such as listing a Kafka cluster's partitions), and hands each result or failure
     * to {@code handler} on the main thread, where the enumerator may assign splits. After Flink's
     * {@code SplitEnumeratorContext.callAsync}. The calls stop when the enumerator is closed (the job ends or
     * fails over).
     *
     * @param initialDelayMillis ms before the first call
     * @param periodMillis ms between the starts of two calls; must be positive
     * @throws UnsupportedOperationException if the context cannot run background work (a test context)
     */
    default <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis,
                               long periodMillis) {
        throw new UnsupportedOperationException("this enumerator context runs no background work");
    }
}
