package io.runnel.connector.base;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A split reader driven by a script: each {@code fetch()} takes the next step the test queued, blocking (on the
 * fetcher thread) until there is one; {@code wakeUp()} queues an empty batch.
 */
final class TestingSplitReader implements SplitReader<String, TestingSplit> {

    /** One fetch: returns a batch or throws. */
    @FunctionalInterface
    interface Step {
        RecordsWithSplitIds<String> fetch() throws Exception;
    }

    private final LinkedBlockingQueue<Step> script = new LinkedBlockingQueue<>();
    private final List<TestingSplit> handledSplits = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Thread fetchThread;
    private volatile CountDownLatch closeGate;

    void add(Step step) {
        script.add(step);
    }

    void addBatch(String splitId, List<String> records, boolean finished) {
        script.add(() -> RecordsBySplits.forSplit(splitId, records, finished));
    }

    List<TestingSplit> handledSplits() {
        return handledSplits;
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Makes {@code close()} wait, ignoring interrupts, until {@code gate} opens. */
    void holdCloseUntil(CountDownLatch gate) {
        closeGate = gate;
    }

    Thread fetchThread() {
        return fetchThread;
    }

    @Override
    public RecordsWithSplitIds<String> fetch() throws Exception {
        fetchThread = Thread.currentThread();
        return script.take().fetch();
    }

    @Override
    public void handleSplitsChanges(List<TestingSplit> splitsToAdd) {
        handledSplits.addAll(splitsToAdd);
    }

    @Override
    public void wakeUp() {
        script.add(RecordsBySplits::empty);
    }

    @Override
    public void close() {
        CountDownLatch gate = closeGate;
        boolean interrupted = false;
        while (gate != null && gate.getCount() > 0) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        closed.countDown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
