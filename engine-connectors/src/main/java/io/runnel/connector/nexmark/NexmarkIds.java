package io.runnel.connector.nexmark;

import static io.runnel.connector.nexmark.NexmarkEvent.AUCTIONS_PER_EPOCH;
import static io.runnel.connector.nexmark.NexmarkEvent.EPOCH_EVENTS;
import static io.runnel.connector.nexmark.NexmarkEvent.PERSONS_PER_EPOCH;

import java.util.SplittableRandom;

/**
 * The arithmetic that maps event ids to the persons and auctions that exist at that point, as the standard Nexmark
 * generator defines it. Indexes here are 0-based ("person index 0" is the person of event 0); the public ids add
 * {@link #FIRST_PERSON_ID} or {@link #FIRST_AUCTION_ID}.
 *
 * <p>With {@code e = eventId / 50} (the epoch) and {@code o = eventId % 50}: the person of epoch {@code e} has index
 * {@code e} and is created at offset 0; its auctions have indexes {@code 3e, 3e+1, 3e+2}, created at offsets 1..3.
 *
 * <p><b>Threading:</b> stateless.
 */
final class NexmarkIds {

    /** The id of the person of event 0; ids start above 0 so that small data sets still match queries' ids. */
    static final long FIRST_PERSON_ID = 1000;
    /** The id of the auction of event 1. */
    static final long FIRST_AUCTION_ID = 1000;
    /** Hot persons and auctions are the first of each block of this many. */
    static final long HOT_BLOCK = 100;

    private NexmarkIds() {
    }

    /** @return the index of the newest person created at or before {@code eventId} */
    static long lastPersonIndex(long eventId) {
        long epoch = eventId / EPOCH_EVENTS;
        long offset = Math.min(eventId % EPOCH_EVENTS, PERSONS_PER_EPOCH - 1);
        return epoch * PERSONS_PER_EPOCH + offset;
    }

    /**
     * @return the index of the newest auction created at or before {@code eventId}; -1 for event 0, before which no
     *     auction exists
     */
    static long lastAuctionIndex(long eventId) {
        long epoch = eventId / EPOCH_EVENTS;
        long offset = eventId % EPOCH_EVENTS;
        if (offset < PERSONS_PER_EPOCH) {
            // The epoch's person comes before its auctions: the newest auction is the last of the previous epoch.
            return epoch * AUCTIONS_PER_EPOCH - 1;
        }
        long inEpoch = Math.min(offset - PERSONS_PER_EPOCH, AUCTIONS_PER_EPOCH - 1);
        return epoch * AUCTIONS_PER_EPOCH + inEpoch;
    }

    /**
     * @return a person index drawn uniformly from the {@code numActivePeople} newest persons at {@code eventId}
     *     plus {@code personIdLead} not yet created
     */
    static long randomPersonIndex(long eventId, SplittableRandom random, NexmarkConfig config) {
        long created = lastPersonIndex(eventId) + 1;
        long active = Math.min(created, config.numActivePeople());
        return created - active + random.nextLong(active + config.personIdLead());
    }

    /**
     * @return an auction index drawn uniformly from the newest auction at {@code eventId}, the
     *     {@code numInFlightAuctions} before it, and {@code auctionIdLead} not yet created
     */
    static long randomAuctionIndex(long eventId, SplittableRandom random, NexmarkConfig config) {
        long newest = lastAuctionIndex(eventId);
        long oldest = Math.max(newest - config.numInFlightAuctions(), 0);
        return oldest + random.nextLong(newest - oldest + 1 + config.auctionIdLead());
    }

    /** @return the first index of the block of {@link #HOT_BLOCK} that holds {@code index} */
    static long hotIndex(long index) {
        return index / HOT_BLOCK * HOT_BLOCK;
    }
}
