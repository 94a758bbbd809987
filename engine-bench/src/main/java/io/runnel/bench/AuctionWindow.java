package io.runnel.bench;

/**
 * W3's result for one auction in one tumbling event-time window: how many bids it got and their total price.
 *
 * <p><b>Contract:</b> {@link #fingerprint()} mixes all four fields, so W3's checksum (the wrapping sum of the
 * fingerprints of all results, see {@link CountingSink}) does not depend on the order in which windows fire or on
 * which subtask fires them, yet changes if any result changes.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param auction the auction's id
 * @param windowStart the window's start in ms (inclusive); the window is {@code [windowStart, windowStart + size)}
 * @param bids the number of bids of the auction with an event time in the window, {@code >= 1}
 * @param priceSum the sum of their prices
 */
record AuctionWindow(int auction, long windowStart, long bids, long priceSum) {

    /** @return a well-mixed 64-bit fingerprint of all four fields */
    long fingerprint() {
        long h = DrawCursor.mix64(auction * DrawCursor.GOLDEN_GAMMA + windowStart);
        h = DrawCursor.mix64(h + bids * DrawCursor.GOLDEN_GAMMA);
        return DrawCursor.mix64(h + priceSum);
    }
}
