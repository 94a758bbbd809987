package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.TypeInformation;

/**
 * W3's input: bid {@code i} has an auction drawn from Zipf({@value #EXPONENT}) over {@value #AUCTIONS} auctions, a
 * price uniform in {@code 1 .. }{@value #MAX_PRICE}, and the event time
 * {@code floor(i / }{@value #EVENTS_PER_MILLI}{@code ) - disorder} ms with {@code disorder} uniform in
 * {@code [0, }{@value #MAX_DISORDER_MILLIS}{@code )} ms: time advances 1 ms per {@value #EVENTS_PER_MILLI} bids and
 * each bid lags it by up to 2 s.
 *
 * <p><b>Contract:</b> an {@link IndexedGenerator}. Each field has its own {@link DrawCursor} indexed by the bid
 * index, with its own seed derived from {@code seed}, so the three draws of bid {@code i} are independent of each
 * other and of how the index range is cut. Seeds are derived by {@link DrawCursor#mix64}: two cursors whose seeds
 * differed by {@code k * GOLDEN_GAMMA} for a small {@code k} would replay each other's draws {@code k} indexes
 * apart, and mixed seeds make that vanishingly unlikely. Since {@code disorder < }{@value #MAX_DISORDER_MILLIS},
 * every bid's time is greater than {@code maxTimestampSoFar - }{@value #MAX_DISORDER_MILLIS} for the bids before
 * it in index order, so a bounded-out-of-orderness watermark of that bound never makes a bid late.
 *
 * <p><b>Threading:</b> immutable; cursors are owned by one thread.
 *
 * @param seed the seed from which the three fields' seeds are derived
 */
record BidGenerator(long seed) implements IndexedGenerator<Bid> {

    /** Number of auctions. */
    static final int AUCTIONS = 10_000;
    /** The Zipf exponent of the auction draw. */
    static final double EXPONENT = 1.1;
    /** The largest price; prices are uniform in {@code [1, MAX_PRICE]}. */
    static final int MAX_PRICE = 10_000;
    /** Bids per ms of event time. */
    static final long EVENTS_PER_MILLI = 10;
    /** Bids lag the event-time clock by a uniform {@code [0, MAX_DISORDER_MILLIS)} ms. */
    static final long MAX_DISORDER_MILLIS = 2_000;

    @Override
    public Cursor<Bid> cursorAt(long index) {
        return new BidCursor(ZipfTable.of(AUCTIONS, EXPONENT), index, new DrawCursor(fieldSeed(1), index),
                new DrawCursor(fieldSeed(2), index), new DrawCursor(fieldSeed(3), index));
    }

    @Override
    public TypeInformation<Bid> producedType() {
        return TypeInformation.of(Bid.class);
    }

    /** @return the bid at {@code index}; the same as the first {@code cursorAt(index).next()} */
    Bid bidAt(long index) {
        return cursorAt(index).next();
    }

    private long fieldSeed(int field) {
        return DrawCursor.mix64(seed + field);
    }

    /** Three draws and one division per bid. Threading: one owner thread. */
    @NotThreadSafe
    private static final class BidCursor implements Cursor<Bid> {
        private final ZipfTable auctions;
        private final DrawCursor auctionDraws;
        private final DrawCursor priceDraws;
        private final DrawCursor disorderDraws;
        /** The index of the next bid; owner: the cursor's thread. */
        private long index;

        BidCursor(ZipfTable auctions, long index, DrawCursor auctionDraws, DrawCursor priceDraws,
                  DrawCursor disorderDraws) {
            this.auctions = auctions;
            this.index = index;
            this.auctionDraws = auctionDraws;
            this.priceDraws = priceDraws;
            this.disorderDraws = disorderDraws;
        }

        @Override
        public Bid next() {
            int auction = auctions.sample(auctionDraws.nextDouble());
            int price = 1 + (int) (priceDraws.nextDouble() * MAX_PRICE);
            long disorder = (long) (disorderDraws.nextDouble() * MAX_DISORDER_MILLIS);
            long timestamp = index / EVENTS_PER_MILLI - disorder;
            index++;
            return new Bid(auction, price, timestamp);
        }
    }
}
