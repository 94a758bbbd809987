package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * One event of the Nexmark auction stream: a new {@link Person}, a new {@link Auction} or a {@link Bid}.
 *
 * <p><b>Contract:</b> the kind of event {@code n} depends only on {@code n mod 50} (see {@link Kind#of}), so that
 * every 50 consecutive event ids hold exactly 1 person, 3 auctions and 46 bids, the standard Nexmark proportions.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public sealed interface NexmarkEvent extends Serializable permits Person, Auction, Bid {

    /** Event ids per epoch: one person, then three auctions, then 46 bids. */
    int EPOCH_EVENTS = 50;
    /** Persons per epoch. */
    int PERSONS_PER_EPOCH = 1;
    /** Auctions per epoch. */
    int AUCTIONS_PER_EPOCH = 3;

    /** @return the event time in ms since the epoch; the source also emits it as the record's timestamp */
    long dateTimeMillis();

    /** The three kinds of events. */
    enum Kind {
        PERSON,
        AUCTION,
        BID;

        /**
         * @param eventId an event id, {@code >= 0}
         * @return PERSON for {@code eventId mod 50 == 0}, AUCTION for {@code 1..3}, BID for {@code 4..49}
         */
        public static Kind of(long eventId) {
            long offset = eventId % EPOCH_EVENTS;
            if (offset < PERSONS_PER_EPOCH) {
                return PERSON;
            }
            return offset < PERSONS_PER_EPOCH + AUCTIONS_PER_EPOCH ? AUCTION : BID;
        }
    }
}
