package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BidWindowLoopTest {

    private static final long SIZE = 10_000;
    private static final long BOUND = 2_000;

    private final List<AuctionWindow> fired = new ArrayList<>();
    private final BidWindowLoop loop = new BidWindowLoop(SIZE, BOUND, fired::add);

    @Test
    void firesAWindowOnceTheWatermarkReachesItsLastMillisecond() {
        loop.add(new Bid(1, 10, 0));
        loop.add(new Bid(1, 20, 9_999));
        loop.add(new Bid(2, 5, 5_000));
        loop.add(new Bid(1, 7, 10_000));
        // Watermark 12,000 - 2,000 - 1 = 9,999 would be reached by a bid at 12,000; 11,999 leaves it at 9,998.
        loop.add(new Bid(3, 1, 11_999));
        assertEquals(9_998, loop.watermark());
        assertEquals(List.of(), fired);
        loop.add(new Bid(3, 1, 12_000));
        assertEquals(9_999, loop.watermark());
        assertEquals(new HashSet<>(List.of(new AuctionWindow(1, 0, 2, 30), new AuctionWindow(2, 0, 1, 5))),
                new HashSet<>(fired));
        assertEquals(1, loop.openWindows());
        loop.finish();
        assertEquals(List.of(new AuctionWindow(1, 10_000, 1, 7), new AuctionWindow(3, 10_000, 2, 2)),
                fired.subList(2, 4).stream().sorted((a, b) -> Integer.compare(a.auction(), b.auction())).toList());
        assertEquals(0, loop.openWindows());
    }

    @Test
    void aBidOutOfOrderWithinTheBoundStillCountsInItsWindow() {
        loop.add(new Bid(1, 1, 11_000));
        loop.add(new Bid(1, 2, 9_500));
        loop.add(new Bid(1, 4, 11_998));
        loop.add(new Bid(1, 8, 9_999));
        assertEquals(List.of(), fired);
        loop.finish();
        assertEquals(List.of(new AuctionWindow(1, 0, 2, 10), new AuctionWindow(1, 10_000, 2, 5)), fired);
        assertEquals(0, loop.lateBids());
    }

    @Test
    void dropsAndCountsABidWhoseWindowHasFired() {
        loop.add(new Bid(1, 1, 5_000));
        loop.add(new Bid(1, 1, 13_000));
        assertEquals(1, fired.size());
        loop.add(new Bid(1, 100, 9_000));
        loop.finish();
        assertEquals(1, loop.lateBids());
        assertEquals(List.of(new AuctionWindow(1, 0, 1, 1), new AuctionWindow(1, 10_000, 1, 1)), fired);
    }

    @Test
    void negativeTimestampsFallInTheWindowThatHoldsThem() {
        loop.add(new Bid(4, 3, -10_001));
        loop.add(new Bid(4, 3, -10_000));
        loop.add(new Bid(4, 3, -1));
        loop.finish();
        assertEquals(0, loop.lateBids());
        assertEquals(List.of(new AuctionWindow(4, -20_000, 1, 3), new AuctionWindow(4, -10_000, 2, 6)), fired);
    }

    @Test
    void generatedBidsGiveTheGroupsOfAPlainReferenceWithFewWindowsOpen() {
        Map<List<Long>, long[]> reference = new HashMap<>();
        IndexedGenerator.Cursor<Bid> cursor = AuctionWindowWorkload.GENERATOR.cursorAt(0);
        int maxOpen = 0;
        for (int i = 0; i < 500_000; i++) {
            Bid bid = cursor.next();
            long start = Math.floorDiv(bid.timestamp(), SIZE) * SIZE;
            long[] totals = reference.computeIfAbsent(List.of((long) bid.auction(), start), k -> new long[2]);
            totals[0]++;
            totals[1] += bid.price();
            loop.add(bid);
            maxOpen = Math.max(maxOpen, loop.openWindows());
        }
        loop.finish();
        assertEquals(0, loop.lateBids());
        // Memory stays bounded: with 2 s of disorder and 10 s windows at most two windows are open at once.
        assertTrue(maxOpen <= 2, "open windows " + maxOpen);
        assertEquals(reference.size(), fired.size());
        for (AuctionWindow w : fired) {
            long[] totals = reference.get(List.of((long) w.auction(), w.windowStart()));
            assertEquals(totals[0], w.bids(), w.toString());
            assertEquals(totals[1], w.priceSum(), w.toString());
        }
        RunResult run = new AuctionWindowWorkload(500_000).runLoop(true);
        assertEquals(fired.size(), run.sinkRecords());
        assertEquals(fired.stream().mapToLong(AuctionWindow::fingerprint).sum(), run.checksum());
    }
}
