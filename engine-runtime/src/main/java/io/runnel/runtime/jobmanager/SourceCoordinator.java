package io.runnel.runtime.jobmanager;

import io.runnel.annotation.MainThread;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.graph.SerializedValue;
import io.runnel.runtime.source.OperatorEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs a source's {@link SplitEnumerator} in the JobManager and relays events between it and the readers:
 * registrations and split requests in, split assignments and no-more-splits out (Flink's FLIP-27 source
 * coordinator).
 *
 * <p><b>Threading:</b> JobManager main thread only; events to readers are sent through a function that puts
 * them into the tasks' mailboxes. Work the enumerator asks for with {@link #callAsync} runs on a worker thread
 * of this coordinator (named, started on first use, stopped by {@link #close()}), and its results come back to
 * the main thread.
 *
 * @param <S> the split type
 */
final class SourceCoordinator<S extends SourceSplit> implements SplitEnumeratorContext<S>, AutoCloseable {

    private final Source<?, S, ?> source;
    private final int parallelism;
    private final BiConsumer<Integer, OperatorEvent> sendToReader;
    private final MainThreadExecutor mainThread;
    private final String workerName;
    private final Set<Integer> registeredReaders = new TreeSet<>();
    private SplitEnumerator<S, ?> enumerator;
    /** Created by the first {@link #callAsync}; owner: main thread (the executor itself is thread-safe). */
    private ScheduledExecutorService worker;
    /** Set on the main thread by {@link #close()}; results arriving later are dropped. */
    private boolean closed;

    /**
     * @param source the job's source object (the JobManager's own copy)
     * @param parallelism number of readers
     * @param sendToReader sends an event to the reader of a subtask index
     * @param mainThread the JobManager's main thread, where results of {@link #callAsync} are handled
     * @param workerName the name of the worker thread of {@link #callAsync}
     */
    SourceCoordinator(Source<?, S, ?> source, int parallelism, BiConsumer<Integer, OperatorEvent> sendToReader,
                      MainThreadExecutor mainThread, String workerName) {
        this.source = source;
        this.parallelism = parallelism;
        this.sendToReader = sendToReader;
        this.mainThread = mainThread;
        this.workerName = workerName;
    }

    /**
     * Creates (or restores) and starts the enumerator.
     *
     * @param checkpoint the enumerator's state from a checkpoint (Java-serialized), or null for a fresh start
     * @param classLoader the job's class loader, to read the checkpoint
     * @throws Exception from the source, or if the checkpoint cannot be read
     */
    @MainThread
    @SuppressWarnings({"unchecked", "rawtypes"})
    void start(byte[] checkpoint, ClassLoader classLoader) throws Exception {
        if (checkpoint == null) {
            enumerator = source.createEnumerator(this);
        } else {
            Object state = SerializedValue.fromBytes(checkpoint, "the split enumerator checkpoint of source "
                    + source.getClass().getName()).deserialize(classLoader);
            enumerator = ((Source) source).restoreEnumerator(this, state);
        }
        enumerator.start();
    }

    /**
     * Snapshots the enumerator (the splits it has not handed out), Java-serialized.
     *
     * @throws Exception if the enumerator cannot snapshot or its state is not serializable
     */
    @MainThread
    byte[] snapshot(long checkpointId) throws Exception {
        return SerializedValue.of(enumerator.snapshotState(checkpointId), "the split enumerator checkpoint of source "
                + source.getClass().getName()).bytes();
    }

    /** Handles an event from reader {@code subtask}. */
    @MainThread
    void handleEvent(int subtask, OperatorEvent event) {
        if (event instanceof OperatorEvent.ReaderRegistration) {
            registeredReaders.add(subtask);
            enumerator.addReader(subtask);
        } else if (event instanceof OperatorEvent.SplitRequest) {
            enumerator.handleSplitRequest(subtask);
        } else {
            throw new IllegalArgumentException("unexpected event from a source reader: " + event);
        }
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Set<Integer> registeredReaders() {
        return Set.copyOf(registeredReaders);
    }

    @Override
    public void assignSplit(S split, int subtaskId) {
        if (!registeredReaders.contains(subtaskId)) {
            throw new IllegalStateException("Cannot assign split " + split.splitId() + " to reader " + subtaskId
                    + ": it has not registered");
        }
        sendToReader.accept(subtaskId, new OperatorEvent.AddSplits(List.of(split)));
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
        sendToReader.accept(subtaskId, new OperatorEvent.NoMoreSplits());
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis,
                              long periodMillis) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("periodMillis must be positive, got " + periodMillis);
        }
        if (worker == null) {
            worker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, workerName);
                t.setDaemon(true);
                return t;
            });
        }
        worker.scheduleAtFixedRate(() -> {
            T result = null;
            Throwable error = null;
            try {
                result = callable.call();
            } catch (Exception e) {
                error = e;
            }
            T r = result;
            Throwable err = error;
            mainThread.execute(() -> {
                if (!closed) {
                    handler.accept(r, err);
                }
            });
        }, initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (worker != null) {
            worker.shutdownNow();
        }
        if (enumerator != null) {
            enumerator.close();
        }
    }
}
