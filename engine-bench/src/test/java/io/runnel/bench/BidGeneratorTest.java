package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BidGeneratorTest {

    private static final BidGenerator GENERATOR = AuctionWindowWorkload.GENERATOR;

    @Test
    void bidAtAnIndexIsTheSameWhereverTheCursorStarts() {
        List<Bid> whole = bids(GENERATOR.cursorAt(0), 20_000);
        for (int start : new int[] {1, 9, 10, 11, 4_999, 19_999}) {
            List<Bid> tail = bids(GENERATOR.cursorAt(start), Math.min(200, whole.size() - start));
            assertEquals(whole.subList(start, start + tail.size()), tail, "cursor started at " + start);
            assertEquals(whole.get(start), GENERATOR.bidAt(start));
        }
    }

    @Test
    void anySplitCutOfTheSourceEmitsTheSameBids() throws Exception {
        long records = 12_347;
        IndexedSource<Bid> source = new IndexedSource<>(records, GENERATOR);
        List<Bid> whole = ZipfGeneratorTest.read(source, source.splits(1));
        assertEquals(bids(GENERATOR.cursorAt(0), (int) records), whole);
        for (int cut : new int[] {2, 3, 7, 64}) {
            List<Bid> bySplits = new ArrayList<>();
            for (IndexRangeSplit split : source.splits(cut)) {
                bySplits.addAll(ZipfGeneratorTest.read(source, List.of(split)));
            }
            assertEquals(whole, bySplits, "splits of a " + cut + "-way cut, read one by one in index order");
        }
    }

    @Test
    void fieldsStayInTheirRangesAndNoBidLagsTheNewestByTheBoundOrMore() {
        IndexedGenerator.Cursor<Bid> cursor = GENERATOR.cursorAt(0);
        long maxTimestamp = Long.MIN_VALUE;
        long priceSum = 0;
        long lagSum = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            Bid bid = cursor.next();
            assertTrue(bid.auction() >= 0 && bid.auction() < BidGenerator.AUCTIONS, "auction " + bid);
            assertTrue(bid.price() >= 1 && bid.price() <= BidGenerator.MAX_PRICE, "price " + bid);
            long clock = i / BidGenerator.EVENTS_PER_MILLI;
            assertTrue(bid.timestamp() <= clock && bid.timestamp() > clock - BidGenerator.MAX_DISORDER_MILLIS,
                    "timestamp of bid " + i + ": " + bid);
            assertTrue(i == 0 || bid.timestamp() > maxTimestamp - BidGenerator.MAX_DISORDER_MILLIS,
                    "bid " + i + " is late");
            maxTimestamp = Math.max(maxTimestamp, bid.timestamp());
            priceSum += bid.price();
            lagSum += clock - bid.timestamp();
        }
        // Uniform draws: means (1 + 10,000) / 2 and (2,000 - 1) / 2, with standard errors near 3 and 0.6.
        assertEquals(5_000.5, priceSum / (double) n, 30);
        assertEquals(999.5, lagSum / (double) n, 6);
    }

    @Test
    void theThreeFieldsDrawFromUnrelatedSequences() {
        // Equal seeds per field would make price and disorder move together; count how often both are in their
        // lower half: about a quarter for independent draws, a half for identical ones.
        IndexedGenerator.Cursor<Bid> cursor = GENERATOR.cursorAt(0);
        int bothLow = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            Bid bid = cursor.next();
            long disorder = i / BidGenerator.EVENTS_PER_MILLI - bid.timestamp();
            if (bid.price() <= BidGenerator.MAX_PRICE / 2 && disorder < BidGenerator.MAX_DISORDER_MILLIS / 2) {
                bothLow++;
            }
        }
        assertEquals(0.25, bothLow / (double) n, 0.01);
        assertNotEquals(GENERATOR.bidAt(0), new BidGenerator(GENERATOR.seed() + 1).bidAt(0));
    }

    @Test
    void topAuctionsFollowTheZipfTable() {
        ZipfTable table = ZipfTable.of(BidGenerator.AUCTIONS, BidGenerator.EXPONENT);
        int n = 1_000_000;
        int[] hits = new int[2];
        IndexedGenerator.Cursor<Bid> cursor = GENERATOR.cursorAt(0);
        for (int i = 0; i < n; i++) {
            int auction = cursor.next().auction();
            if (auction < hits.length) {
                hits[auction]++;
            }
        }
        for (int rank = 0; rank < hits.length; rank++) {
            double p = table.probability(rank);
            assertEquals(p, hits[rank] / (double) n, p * 0.03, "frequency of auction " + rank);
        }
    }

    private static List<Bid> bids(IndexedGenerator.Cursor<Bid> cursor, int count) {
        List<Bid> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(cursor.next());
        }
        return out;
    }
}
