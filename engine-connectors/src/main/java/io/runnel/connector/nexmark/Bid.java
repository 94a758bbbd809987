package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;

/**
 * A bid on an auction (Nexmark's "bid" event).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param auction the id of the auction bid on
 * @param bidder the id of the bidding person
 * @param price the bid in cents
 * @param channel where the bid came from: one of a few hot channels or {@code channel-<n>}
 * @param url the page the bid was placed on
 * @param dateTimeMillis when the bid was placed, in ms since the epoch
 * @param extra padding that brings the event to its configured average size
 */
@Public
public record Bid(long auction, long bidder, long price, String channel, String url, long dateTimeMillis,
                  String extra) implements NexmarkEvent {
}
