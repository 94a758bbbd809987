package io.runnel.bench;

/**
 * The accumulator of W3's window aggregate: a count and a price sum. A record, so that any state backend can
 * serialize it without Kryo.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param bids number of bids added
 * @param priceSum the sum of their prices
 */
record BidStats(long bids, long priceSum) {

    /** The accumulator of no bids. */
    static final BidStats EMPTY = new BidStats(0, 0);

    /** @return these statistics with a bid of {@code price} added */
    BidStats add(int price) {
        return new BidStats(bids + 1, priceSum + price);
    }

    /** @return the statistics of both */
    BidStats merge(BidStats other) {
        return new BidStats(bids + other.bids, priceSum + other.priceSum);
    }
}
