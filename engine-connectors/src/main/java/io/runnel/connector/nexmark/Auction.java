package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;

/**
 * An item put up for auction (Nexmark's "new auction" event).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param id the auction's id, {@code >= 1000}, increasing by one per auction event
 * @param itemName a random word
 * @param description random words
 * @param initialBid the opening price in cents
 * @param reserve the lowest price in cents at which the item sells, {@code > initialBid}
 * @param dateTimeMillis when the auction opens, in ms since the epoch
 * @param expiresMillis when the auction closes, in ms since the epoch, {@code > dateTimeMillis}
 * @param seller the id of the selling person
 * @param category the item's category, in {@code 10 .. 14}
 * @param extra padding that brings the event to its configured average size
 */
@Public
public record Auction(long id, String itemName, String description, long initialBid, long reserve,
                      long dateTimeMillis, long expiresMillis, long seller, long category, String extra)
        implements NexmarkEvent {
}
