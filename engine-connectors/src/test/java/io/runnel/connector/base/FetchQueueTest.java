package io.runnel.connector.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FetchQueueTest {

    @Test
    void availabilityCompletesOnPutAndIsRenewedWhenTheQueueIsDrained() throws Exception {
        FetchQueue<String> queue = new FetchQueue<>(2);
        CompletableFuture<Void> first = queue.getAvailabilityFuture();
        assertFalse(first.isDone());

        assertTrue(queue.put("a"));
        assertTrue(first.isDone());
        assertEquals("a", queue.poll());

        CompletableFuture<Void> second = queue.getAvailabilityFuture();
        assertNotSame(first, second);
        assertFalse(second.isDone());
    }

    @Test
    void notifyAvailableStaysVisibleUntilTheConsumerPollsAgain() {
        FetchQueue<String> queue = new FetchQueue<>(2);
        assertNull(queue.poll());
        CompletableFuture<Void> waitingOn = queue.getAvailabilityFuture();

        queue.notifyAvailable();

        // The consumer may ask for the future only after the signal: it must still see it completed.
        assertTrue(waitingOn.isDone());
        assertTrue(queue.getAvailabilityFuture().isDone());
        assertNull(queue.poll());
        assertFalse(queue.getAvailabilityFuture().isDone());
    }

    @Test
    void putWaitsForSpaceThatPollFrees() throws Exception {
        FetchQueue<String> queue = new FetchQueue<>(1);
        queue.put("a");
        CompletableFuture<Boolean> blockedPut = CompletableFuture.supplyAsync(() -> put(queue, "b"));

        assertEquals("a", queue.poll());

        assertTrue(blockedPut.get(10, TimeUnit.SECONDS));
        assertEquals("b", queue.poll());
    }

    @Test
    void closeReleasesABlockedPutAndRejectsLaterOnes() throws Exception {
        FetchQueue<String> queue = new FetchQueue<>(1);
        queue.put("a");
        CompletableFuture<Boolean> blockedPut = CompletableFuture.supplyAsync(() -> put(queue, "b"));

        queue.close();

        assertFalse(blockedPut.get(10, TimeUnit.SECONDS));
        assertFalse(queue.put("c"));
        assertEquals("a", queue.poll());
        assertNull(queue.poll());
    }

    private static boolean put(FetchQueue<String> queue, String element) {
        try {
            return queue.put(element);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
