package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Computes Nexmark event {@code n} directly from the configuration and {@code n}: the source's readers use it, and
 * a test or a benchmark can use it as the plain-Java reference of what a job reads.
 *
 * <pre>{@code
 * NexmarkGenerator generator = new NexmarkGenerator(config);
 * for (long id = 0; id < config.numEvents(); id++) {
 *     if (generator.eventAt(id) instanceof Bid bid) {
 *         expected.merge(bid.auction(), 1L, Long::sum);
 *     }
 * }
 * }</pre>
 * (from {@code NexmarkSourceIT})
 *
 * <p><b>Contract:</b> {@link #eventAt} is a pure function of {@code (config, eventId)}: every draw comes from a
 * random generator seeded by mixing the configured seed with the event id, so an event does not depend on which
 * reader generates it or on what was generated before. Ids follow the standard generator:
 * <ul>
 *   <li>the person of event {@code n} (with {@code n mod 50 == 0}) has id {@code 1000 + n/50};</li>
 *   <li>the auctions of events {@code 50e+1 .. 50e+3} have ids {@code 1000 + 3e .. 1000 + 3e + 2};</li>
 *   <li>a bid names a hot auction (the first of the newest auction's block of 100) with probability
 *       {@code 1 - 1/hotAuctionRatio}, else one of the newest {@code numInFlightAuctions + 1} auctions or the next
 *       {@code auctionIdLead}; its bidder is a hot person (the second of the newest person's block of 100) with
 *       probability {@code 1 - 1/hotBiddersRatio}, else one of the newest {@code numActivePeople} persons or the
 *       next {@code personIdLead};</li>
 *   <li>an auction's seller is hot (the first of the block) with probability {@code 1 - 1/hotSellersRatio}.</li>
 * </ul>
 * The event time of event {@code n} is {@link #eventTimeMillis(long)}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class NexmarkGenerator implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Categories are {@code FIRST_CATEGORY .. FIRST_CATEGORY + CATEGORIES - 1}. */
    private static final long FIRST_CATEGORY = 10;
    private static final int CATEGORIES = 5;
    /** The fixed-size fields of each event, in bytes, counted towards its average size. */
    private static final int PERSON_FIXED_BYTES = 8 + 8;
    private static final int AUCTION_FIXED_BYTES = 8 * 6;
    private static final int BID_FIXED_BYTES = 8 * 4;

    private final NexmarkConfig config;
    /** Events it takes to create {@code numInFlightAuctions} auctions: an auction's average lifetime. */
    private final long auctionLifetimeEvents;

    /** @param config the generator parameters */
    public NexmarkGenerator(NexmarkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.auctionLifetimeEvents = (long) config.numInFlightAuctions() * NexmarkEvent.EPOCH_EVENTS
                / NexmarkEvent.AUCTIONS_PER_EPOCH;
    }

    /** @return the configuration */
    public NexmarkConfig config() {
        return config;
    }

    /**
     * @param eventId the event's id, {@code >= 0}
     * @return the event
     * @throws IllegalArgumentException if {@code eventId < 0}
     */
    public NexmarkEvent eventAt(long eventId) {
        if (eventId < 0) {
            throw new IllegalArgumentException("eventId must not be negative, got " + eventId);
        }
        SplittableRandom random = new SplittableRandom(eventSeed(config.seed(), eventId));
        long time = eventTimeMillis(eventId);
        return switch (NexmarkEvent.Kind.of(eventId)) {
            case PERSON -> person(eventId, random, time);
            case AUCTION -> auction(eventId, random, time);
            case BID -> bid(eventId, random, time);
        };
    }

    /**
     * @param eventId the event's id, {@code >= 0}
     * @return {@code firstEventTimeMillis + floor(eventId * 1000 / eventsPerSecond)}, computed without overflow
     *     for any {@code eventId} (the sum itself may still overflow past year 292 million)
     */
    public long eventTimeMillis(long eventId) {
        long rate = config.eventsPerSecond();
        // Split n = q * rate + r so that only r * 1000 < rate * 1000 <= 10^15 is multiplied.
        return config.firstEventTimeMillis() + eventId / rate * 1000 + eventId % rate * 1000 / rate;
    }

    private Person person(long eventId, SplittableRandom random, long time) {
        long id = NexmarkIds.FIRST_PERSON_ID + NexmarkIds.lastPersonIndex(eventId);
        String name = NexmarkText.pick(NexmarkText.FIRST_NAMES, random) + " "
                + NexmarkText.pick(NexmarkText.LAST_NAMES, random);
        String email = NexmarkText.letters(random, 7) + "@" + NexmarkText.letters(random, 5) + ".com";
        String creditCard = NexmarkText.creditCard(random);
        String city = NexmarkText.pick(NexmarkText.US_CITIES, random);
        String state = NexmarkText.pick(NexmarkText.US_STATES, random);
        int size = PERSON_FIXED_BYTES + name.length() + email.length() + creditCard.length() + city.length()
                + state.length();
        String extra = NexmarkText.extra(random, size, config.avgPersonByteSize());
        return new Person(id, name, email, creditCard, city, state, time, extra);
    }

    private Auction auction(long eventId, SplittableRandom random, long time) {
        long id = NexmarkIds.FIRST_AUCTION_ID + NexmarkIds.lastAuctionIndex(eventId);
        long seller = random.nextInt(config.hotSellersRatio()) > 0
                ? NexmarkIds.hotIndex(NexmarkIds.lastPersonIndex(eventId))
                : NexmarkIds.randomPersonIndex(eventId, random, config);
        long category = FIRST_CATEGORY + random.nextInt(CATEGORIES);
        long initialBid = NexmarkText.price(random);
        long reserve = initialBid + NexmarkText.price(random);
        long expires = time + auctionLengthMillis(eventId, random, time);
        String itemName = NexmarkText.word(random, 20);
        String description = NexmarkText.word(random, 100);
        int size = AUCTION_FIXED_BYTES + itemName.length() + description.length();
        String extra = NexmarkText.extra(random, size, config.avgAuctionByteSize());
        return new Auction(id, itemName, description, initialBid, reserve, time, expires,
                NexmarkIds.FIRST_PERSON_ID + seller, category, extra);
    }

    /** @return uniform in {@code [1, 2 * horizon]} ms, horizon being the time to create the in-flight auctions */
    private long auctionLengthMillis(long eventId, SplittableRandom random, long time) {
        long horizonMillis = eventTimeMillis(eventId + auctionLifetimeEvents) - time;
        return 1 + random.nextLong(Math.max(2 * horizonMillis, 1));
    }

    private Bid bid(long eventId, SplittableRandom random, long time) {
        long auction = random.nextInt(config.hotAuctionRatio()) > 0
                ? NexmarkIds.hotIndex(NexmarkIds.lastAuctionIndex(eventId))
                : NexmarkIds.randomAuctionIndex(eventId, random, config);
        // The second person of the block, so that hot bidders and hot sellers are different persons.
        long bidder = random.nextInt(config.hotBiddersRatio()) > 0
                ? NexmarkIds.hotIndex(NexmarkIds.lastPersonIndex(eventId)) + 1
                : NexmarkIds.randomPersonIndex(eventId, random, config);
        long price = NexmarkText.price(random);
        String channel = random.nextBoolean()
                ? NexmarkText.pick(NexmarkText.HOT_CHANNELS, random)
                : "channel-" + random.nextInt(NexmarkText.CHANNELS);
        String url = NexmarkText.url(random, channel);
        String extra = NexmarkText.extra(random, BID_FIXED_BYTES, config.avgBidByteSize());
        return new Bid(NexmarkIds.FIRST_AUCTION_ID + auction, NexmarkIds.FIRST_PERSON_ID + bidder, price, channel,
                url, time, extra);
    }

    /**
     * Mixes the seed and the event id so that nearby ids and nearby seeds give unrelated streams: seeding with
     * {@code seed + eventId} would make {@code SplittableRandom}'s streams of ids {@code k} apart overlap.
     */
    static long eventSeed(long seed, long eventId) {
        return mix64(seed ^ mix64(eventId + 0x9E3779B97F4A7C15L));
    }

    /** A 64-bit finalizer (the MurmurHash3 fmix64 constants): every input bit affects every output bit. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
