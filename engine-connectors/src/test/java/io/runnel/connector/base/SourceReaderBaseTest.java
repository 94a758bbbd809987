package io.runnel.connector.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.connector.testing.TestingReaderOutput;
import io.runnel.connector.testing.TestingSourceReaderContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceReaderBaseTest {

    private static final String FETCHER_THREAD = "runnel-source-fetcher-test-source-0";

    private final TestingSplitReader splitReader = new TestingSplitReader();
    private final TestingSourceReaderContext context = new TestingSourceReaderContext();
    private final TestingSourceReader reader = new TestingSourceReader(splitReader, context);
    private final TestingReaderOutput<String> output = new TestingReaderOutput<>();

    @AfterEach
    void closeReader() throws Exception {
        reader.close();
    }

    @Test
    void emitsFetchedBatchesAndEndsOnlyAfterNoMoreSplitsAndTheLastSplitFinished() throws Exception {
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0)));
        splitReader.addBatch("a", List.of("1", "2"), false);
        splitReader.addBatch("a", List.of("3"), true);

        pollUntil(() -> !reader.finishedSplitIds().isEmpty());
        assertEquals(List.of("1", "2", "3"), output.records());
        assertEquals(List.of("a"), reader.finishedSplitIds());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));

        reader.notifyNoMoreSplits();

        assertEquals(InputStatus.END_OF_INPUT, pollUntilEnd());
    }

    @Test
    void doesNotEndWhileAnAssignedSplitIsUnfinished() throws Exception {
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0)));
        reader.notifyNoMoreSplits();
        splitReader.addBatch("a", List.of("1"), false);

        pollUntilRecords(1);
        // Split a has not been reported finished, and no fetch step could finish it yet.
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        splitReader.addBatch("a", List.of(), true);

        assertEquals(InputStatus.END_OF_INPUT, pollUntilEnd());
        assertEquals(List.of("1"), output.records());
    }

    @Test
    void emitsAtMostMaxRecordsPerPoll() throws Exception {
        List<String> records = IntStream.range(0, 2500).mapToObj(Integer::toString).toList();
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0)));
        splitReader.addBatch("a", records, true);
        reader.isAvailable().get(10, TimeUnit.SECONDS);

        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(SourceReaderBase.MAX_RECORDS_PER_POLL, output.records().size());
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(2 * SourceReaderBase.MAX_RECORDS_PER_POLL, output.records().size());
        reader.pollNext(output);
        assertEquals(records, output.records());
    }

    @Test
    void snapshotHoldsThePositionOfTheLastEmittedRecord() throws Exception {
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 10), new TestingSplit("b", 0)));
        splitReader.addBatch("a", List.of("1", "2"), false);

        pollUntilRecords(2);

        assertEquals(List.of(new TestingSplit("a", 12), new TestingSplit("b", 0)), reader.snapshotState(1));
        assertEquals(List.of(new TestingSplit("a", 10), new TestingSplit("b", 0)), splitReader.handledSplits());
    }

    @Test
    void batchesOfSeveralSplitsAreEmittedPerSplit() throws Exception {
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0), new TestingSplit("b", 0)));
        splitReader.add(() -> RecordsBySplits.<String>builder().add("a", "a1").add("b", "b1").add("a", "a2")
                .addFinishedSplit("a").build());

        pollUntilRecords(3);

        assertEquals(List.of("a1", "a2", "b1"), output.records());
        assertEquals(List.of(new TestingSplit("b", 1)), reader.snapshotState(1));
    }

    @Test
    void aFetcherFailureSurfacesFromPollNextWithTheOriginalException() throws Exception {
        IOException failure = new IOException("disk on fire");
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0)));
        splitReader.add(() -> {
            throw failure;
        });

        reader.isAvailable().get(10, TimeUnit.SECONDS);
        IOException thrown = assertThrows(IOException.class, this::pollUntilEnd);

        assertSame(failure, thrown);
        // The failed fetcher ends by itself and closes its split reader.
        Thread fetcher = splitReader.fetchThread();
        fetcher.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(fetcher.isAlive());
        assertTrue(splitReader.isClosed());
    }

    @Test
    void fetcherThreadIsNamedAfterTheTaskAndEndsWhenTheReaderIsClosed() throws Exception {
        reader.start();
        assertEquals(1, fetcherThreads().size());

        reader.close();

        assertEquals(List.of(), fetcherThreads());
        assertTrue(splitReader.isClosed());
    }

    @Test
    void closeEndsAFetcherBlockedInFetch() throws Exception {
        reader.start();
        reader.addSplits(List.of(new TestingSplit("a", 0)));
        // Once record 1 is out, the fetcher has moved on to its next fetch, which blocks on the empty script.
        splitReader.addBatch("a", List.of("1"), false);
        pollUntilRecords(1);

        reader.close();

        assertEquals(List.of(), fetcherThreads());
        assertTrue(splitReader.isClosed());
    }

    @Test
    void closeFromAnInterruptedThreadStillWaitsForTheFetcherThreadToEnd() throws Exception {
        CountDownLatch closeGate = new CountDownLatch(1);
        splitReader.holdCloseUntil(closeGate);
        reader.start();
        AtomicBoolean fetcherAliveAfterClose = new AtomicBoolean(true);
        AtomicBoolean interruptFlagAfterClose = new AtomicBoolean();
        AtomicReference<Throwable> closeFailure = new AtomicReference<>();
        // Task.cancel interrupts the task thread before the task closes its source reader.
        Thread taskThread = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                reader.close();
            } catch (Throwable t) {
                closeFailure.set(t);
            }
            interruptFlagAfterClose.set(Thread.currentThread().isInterrupted());
            fetcherAliveAfterClose.set(!fetcherThreads().isEmpty());
        }, "interrupted-task");
        taskThread.start();
        try {
            // The fetcher cannot end before the gate opens; open it once close() waits in the join.
            awaitJoinOrEnd(taskThread);
        } finally {
            closeGate.countDown();
        }
        taskThread.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(taskThread.isAlive());
        assertEquals(null, closeFailure.get());
        assertFalse(fetcherAliveAfterClose.get(), "the fetcher thread outlived close()");
        assertTrue(splitReader.isClosed());
        assertTrue(interruptFlagAfterClose.get(), "close() must keep the caller's interrupt");
    }

    /** Waits until {@code t} is in a timed wait (the join of close) or has ended, for at most 10 seconds. */
    private static void awaitJoinOrEnd(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.TIMED_WAITING && t.isAlive()) {
            assertTrue(System.nanoTime() < deadline, "close() neither joined nor returned: " + t.getState());
            Thread.onSpinWait();
        }
    }

    @Test
    void closeWithoutStartClosesTheSplitReader() throws Exception {
        reader.close();

        assertTrue(splitReader.isClosed());
        assertEquals(List.of(), fetcherThreads());
    }

    /** Polls, waiting on the availability future when nothing is available, until {@code done} or the end. */
    private InputStatus pollUntil(BooleanSupplier done) throws Exception {
        while (true) {
            InputStatus status = reader.pollNext(output);
            if (status == InputStatus.END_OF_INPUT || done.getAsBoolean()) {
                return status;
            }
            if (status == InputStatus.NOTHING_AVAILABLE) {
                reader.isAvailable().get(10, TimeUnit.SECONDS);
            }
        }
    }

    private InputStatus pollUntilEnd() throws Exception {
        return pollUntil(() -> false);
    }

    private InputStatus pollUntilRecords(int count) throws Exception {
        return pollUntil(() -> output.records().size() >= count);
    }

    private static List<Thread> fetcherThreads() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(FETCHER_THREAD) && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }
}
