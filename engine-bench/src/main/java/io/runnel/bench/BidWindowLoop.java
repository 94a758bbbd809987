package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * W3's hand-written windowing: per-auction counts and price sums in tumbling event-time windows, fired when the
 * loop's own watermark passes them, as the engine's window operator fires them.
 *
 * <p><b>Contract:</b> the watermark is {@code maxTimestamp - outOfOrderness - 1} over the bids added so far
 * ({@code Long.MIN_VALUE} before the first), the engine's bounded-out-of-orderness formula, advanced after each bid
 * (the engine advances it periodically, which fires the same windows later, never differently). A window
 * {@code [start, start + size)} fires, emitting one {@link AuctionWindow} per auction that has bids in it and then
 * forgetting it, once {@code start + size - 1 <= watermark}. A bid whose window has already fired is late: it is
 * counted in {@link #lateBids()} and otherwise dropped, as the engine drops it with zero allowed lateness.
 * {@link #finish()} fires all open windows (the engine's final watermark at the end of a bounded input). Windows
 * fire in start order; within a window, auctions fire in no particular order. Memory is bounded by the open windows:
 * an open window has {@code maxTimestamp - outOfOrderness - size < start <= maxTimestamp}, so at most
 * {@code ceil((size + outOfOrderness) / size)} are open (two for W3's 10 s windows and 2 s bound).
 *
 * <p><b>Threading:</b> not thread-safe; one owner thread (the loop's).
 */
@NotThreadSafe
final class BidWindowLoop {

    /** A mutable accumulator: a hand-written loop would update in place. Owner: the loop's thread. */
    private static final class Totals {
        long bids;
        long priceSum;
    }

    private final long sizeMillis;
    private final long outOfOrdernessMillis;
    private final Consumer<AuctionWindow> output;
    /** Open windows by start, each mapping auction to its totals; owner: the loop's thread. */
    private final TreeMap<Long, Map<Integer, Totals>> open = new TreeMap<>();
    /** Owner: the loop's thread. */
    private long maxTimestamp = Long.MIN_VALUE;
    /** Owner: the loop's thread. */
    private long watermark = Long.MIN_VALUE;
    /** Owner: the loop's thread. */
    private long lateBids;
    /** The most recently used window, to skip the tree lookup for the common case; owner: the loop's thread. */
    private long currentStart = Long.MIN_VALUE;
    /** The totals of window {@code currentStart}, or null; owner: the loop's thread. */
    private Map<Integer, Totals> current;

    /**
     * @param sizeMillis the window size in ms, {@code >= 1}; windows are aligned to the epoch
     * @param outOfOrdernessMillis the watermark's bound in ms, {@code >= 0}
     * @param output receives each fired result
     * @throws IllegalArgumentException for a size below 1 or a negative bound
     */
    BidWindowLoop(long sizeMillis, long outOfOrdernessMillis, Consumer<AuctionWindow> output) {
        if (sizeMillis < 1 || outOfOrdernessMillis < 0) {
            throw new IllegalArgumentException("need size >= 1 ms and out-of-orderness >= 0 ms, got " + sizeMillis
                    + " and " + outOfOrdernessMillis);
        }
        this.sizeMillis = sizeMillis;
        this.outOfOrdernessMillis = outOfOrdernessMillis;
        this.output = output;
    }

    /** Adds a bid to its window (or counts it late), then advances the watermark and fires what it passed. */
    void add(Bid bid) {
        long ts = bid.timestamp();
        // Math.floorMod keeps negative timestamps in the window that holds them, as TimeWindow does.
        long start = ts - Math.floorMod(ts, sizeMillis);
        if (start + sizeMillis - 1 <= watermark) {
            lateBids++;
            return;
        }
        Map<Integer, Totals> window = start == currentStart && current != null ? current : windowAt(start);
        Totals totals = window.get(bid.auction());
        if (totals == null) {
            totals = new Totals();
            window.put(bid.auction(), totals);
        }
        totals.bids++;
        totals.priceSum += bid.price();
        if (ts > maxTimestamp) {
            maxTimestamp = ts;
            advanceWatermark(ts - outOfOrdernessMillis - 1);
        }
    }

    /** Fires every open window, as the final watermark at the end of the input does. */
    void finish() {
        advanceWatermark(Long.MAX_VALUE);
    }

    /** @return the current watermark in ms */
    long watermark() {
        return watermark;
    }

    /** @return how many windows are open (have bids and have not fired) */
    int openWindows() {
        return open.size();
    }

    /** @return how many bids arrived after their window had fired */
    long lateBids() {
        return lateBids;
    }

    private Map<Integer, Totals> windowAt(long start) {
        Map<Integer, Totals> window = open.computeIfAbsent(start, s -> new HashMap<>());
        currentStart = start;
        current = window;
        return window;
    }

    private void advanceWatermark(long newWatermark) {
        watermark = newWatermark;
        while (!open.isEmpty() && open.firstKey() + sizeMillis - 1 <= newWatermark) {
            Map.Entry<Long, Map<Integer, Totals>> fired = open.pollFirstEntry();
            long start = fired.getKey();
            if (start == currentStart) {
                current = null;
            }
            for (Map.Entry<Integer, Totals> e : fired.getValue().entrySet()) {
                Totals t = e.getValue();
                output.accept(new AuctionWindow(e.getKey(), start, t.bids, t.priceSum));
            }
        }
    }
}
