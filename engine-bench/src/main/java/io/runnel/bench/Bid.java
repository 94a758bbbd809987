package io.runnel.bench;

/**
 * One bid of W3's auction stream.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param auction the auction's id, in {@code [0, BidGenerator.AUCTIONS)}
 * @param price the bid's price, in {@code [1, BidGenerator.MAX_PRICE]}
 * @param timestamp the bid's event time in ms (may be negative for the first bids)
 */
record Bid(int auction, int price, long timestamp) {
}
