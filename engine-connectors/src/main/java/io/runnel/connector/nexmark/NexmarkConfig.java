package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The parameters of the Nexmark generator, with the standard benchmark's values as defaults.
 *
 * <pre>{@code
 * NexmarkConfig config = NexmarkConfig.builder().seed(7).events(EVENTS)
 *         .firstEventTime(Instant.parse("2026-01-01T00:00:00Z")).build();
 * env.fromSource(new NexmarkSource(config), "nexmark")
 * }</pre>
 * (from {@code NexmarkSourceIT}, which counts bids per auction through a failure and a restore)
 *
 * <p><b>Contract:</b> event {@code n} (for {@code 0 <= n < numEvents}) has the event time
 * {@code firstEventTime + floor(n * 1000 / eventsPerSecond)} ms: the rate is one of event time, not of wall-clock
 * time, and the source emits as fast as it can. The other parameters shape the ids events refer to:
 * <ul>
 *   <li>{@code numActivePeople}: sellers and bidders that are not hot are drawn from the last this many persons
 *       (plus {@code personIdLead} persons not created yet);</li>
 *   <li>{@code numInFlightAuctions}: bids that are not on a hot auction go to one of the last this many auctions
 *       (plus {@code auctionIdLead} auctions not created yet), and an auction lasts on average about as long as
 *       it takes to create this many auctions;</li>
 *   <li>{@code hotAuctionRatio}, {@code hotBiddersRatio}, {@code hotSellersRatio}: with probability
 *       {@code 1 - 1/ratio} a bid goes to a hot auction, is made by a hot bidder, or an auction is sold by a hot
 *       seller (one per block of 100 auctions or persons);</li>
 *   <li>{@code avgPersonByteSize}, {@code avgAuctionByteSize}, {@code avgBidByteSize}: the {@code extra} field
 *       pads events to about this average size.</li>
 * </ul>
 * Defaults (the standard generator's): seed 0, unbounded, first event time 1970-01-01T00:00:00Z, 10,000 events
 * per second, 1,000 active people, 100 auctions in flight, hot ratios 2 (auctions), 4 (bidders) and 4 (sellers),
 * sizes 200, 500 and 100 bytes, id leads 10. The standard generator's rate shapes (a rate that changes over time) and out-of-order
 * groups are not supported: the rate is constant and events are in id order.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param seed the seed; each event is a pure function of the seed and its id
 * @param numEvents how many events the source emits, or {@link #UNBOUNDED}
 * @param firstEventTime the event time of event 0 (millisecond precision)
 * @param eventsPerSecond events per second of event time, in {@code 1 .. 10^12}
 * @param numActivePeople the number of recent persons that take part in auctions, {@code >= 1}
 * @param numInFlightAuctions the number of recent auctions that receive bids, {@code >= 1}
 * @param hotAuctionRatio {@code >= 1}; 1 means no hot auctions
 * @param hotBiddersRatio {@code >= 1}; 1 means no hot bidders
 * @param hotSellersRatio {@code >= 1}; 1 means no hot sellers
 * @param avgPersonByteSize the average size of a person in bytes, {@code >= 0}
 * @param avgAuctionByteSize the average size of an auction in bytes, {@code >= 0}
 * @param avgBidByteSize the average size of a bid in bytes, {@code >= 0}
 * @param personIdLead how many persons beyond the last created one a random reference may name, {@code >= 0}
 * @param auctionIdLead how many auctions beyond the last created one a bid may name, {@code >= 0}; with 0 every
 *     bid is on an auction whose event id is smaller than the bid's
 */
@Public
public record NexmarkConfig(long seed, long numEvents, Instant firstEventTime, long eventsPerSecond,
                            int numActivePeople, int numInFlightAuctions, int hotAuctionRatio, int hotBiddersRatio,
                            int hotSellersRatio, int avgPersonByteSize, int avgAuctionByteSize, int avgBidByteSize,
                            int personIdLead, int auctionIdLead) implements Serializable {

    /** {@code numEvents} of a source that never ends. */
    public static final long UNBOUNDED = Long.MAX_VALUE;
    /** The largest rate, so that {@code n * 1000 / rate} arithmetic cannot overflow. */
    public static final long MAX_EVENTS_PER_SECOND = 1_000_000_000_000L;

    /** @throws IllegalArgumentException if a parameter is outside the range given above */
    public NexmarkConfig {
        Objects.requireNonNull(firstEventTime, "firstEventTime");
        check(numEvents >= 0, "numEvents", numEvents);
        check(eventsPerSecond >= 1 && eventsPerSecond <= MAX_EVENTS_PER_SECOND, "eventsPerSecond", eventsPerSecond);
        check(numActivePeople >= 1, "numActivePeople", numActivePeople);
        check(numInFlightAuctions >= 1, "numInFlightAuctions", numInFlightAuctions);
        check(hotAuctionRatio >= 1, "hotAuctionRatio", hotAuctionRatio);
        check(hotBiddersRatio >= 1, "hotBiddersRatio", hotBiddersRatio);
        check(hotSellersRatio >= 1, "hotSellersRatio", hotSellersRatio);
        check(avgPersonByteSize >= 0, "avgPersonByteSize", avgPersonByteSize);
        check(avgAuctionByteSize >= 0, "avgAuctionByteSize", avgAuctionByteSize);
        check(avgBidByteSize >= 0, "avgBidByteSize", avgBidByteSize);
        check(personIdLead >= 0, "personIdLead", personIdLead);
        check(auctionIdLead >= 0, "auctionIdLead", auctionIdLead);
    }

    private static void check(boolean valid, String name, long value) {
        if (!valid) {
            throw new IllegalArgumentException(name + " is out of range: " + value);
        }
    }

    /** @return a builder with the standard defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true unless {@code numEvents == UNBOUNDED} */
    public boolean isBounded() {
        return numEvents != UNBOUNDED;
    }

    /** @return the event time of event 0 in ms since the epoch */
    public long firstEventTimeMillis() {
        return firstEventTime.toEpochMilli();
    }

    /**
     * Sets the parameters of a {@link NexmarkConfig}; each starts at the standard default.
     *
     * <p><b>Threading:</b> not thread-safe; use it from the thread that builds the job.
     */
    public static final class Builder {
        private long seed;
        private long numEvents = UNBOUNDED;
        private Instant firstEventTime = Instant.EPOCH;
        private long eventsPerSecond = 10_000;
        private int numActivePeople = 1_000;
        private int numInFlightAuctions = 100;
        private int hotAuctionRatio = 2;
        private int hotBiddersRatio = 4;
        private int hotSellersRatio = 4;
        private int avgPersonByteSize = 200;
        private int avgAuctionByteSize = 500;
        private int avgBidByteSize = 100;
        private int personIdLead = 10;
        private int auctionIdLead = 10;

        private Builder() {
        }

        /** @param value the seed @return this builder */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** @param count the number of events, {@code >= 0} @return this builder */
        public Builder events(long count) {
            this.numEvents = count;
            return this;
        }

        /** Makes the source unbounded (the default). @return this builder */
        public Builder unbounded() {
            this.numEvents = UNBOUNDED;
            return this;
        }

        /** @param time the event time of event 0 @return this builder */
        public Builder firstEventTime(Instant time) {
            this.firstEventTime = time;
            return this;
        }

        /** @param rate events per second of event time @return this builder */
        public Builder eventsPerSecond(long rate) {
            this.eventsPerSecond = rate;
            return this;
        }

        /** @param count recent persons that take part in auctions @return this builder */
        public Builder numActivePeople(int count) {
            this.numActivePeople = count;
            return this;
        }

        /** @param count recent auctions that receive bids @return this builder */
        public Builder numInFlightAuctions(int count) {
            this.numInFlightAuctions = count;
            return this;
        }

        /**
         * @param auctions the hot-auction ratio of bids
         * @param bidders the hot-bidder ratio of bids
         * @param sellers the hot-seller ratio of auctions
         * @return this builder
         */
        public Builder hotRatios(int auctions, int bidders, int sellers) {
            this.hotAuctionRatio = auctions;
            this.hotBiddersRatio = bidders;
            this.hotSellersRatio = sellers;
            return this;
        }

        /**
         * @param person the average person size in bytes
         * @param auction the average auction size in bytes
         * @param bid the average bid size in bytes
         * @return this builder
         */
        public Builder avgByteSizes(int person, int auction, int bid) {
            this.avgPersonByteSize = person;
            this.avgAuctionByteSize = auction;
            this.avgBidByteSize = bid;
            return this;
        }

        /**
         * @param persons persons beyond the last created one that references may name
         * @param auctions auctions beyond the last created one that bids may name
         * @return this builder
         */
        public Builder idLeads(int persons, int auctions) {
            this.personIdLead = persons;
            this.auctionIdLead = auctions;
            return this;
        }

        /** @return the configuration @throws IllegalArgumentException if a parameter is out of range */
        public NexmarkConfig build() {
            return new NexmarkConfig(seed, numEvents, firstEventTime, eventsPerSecond, numActivePeople,
                    numInFlightAuctions, hotAuctionRatio, hotBiddersRatio, hotSellersRatio, avgPersonByteSize,
                    avgAuctionByteSize, avgBidByteSize, personIdLead, auctionIdLead);
        }
    }
}
