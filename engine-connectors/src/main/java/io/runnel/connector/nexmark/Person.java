package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;

/**
 * A person who registers with the auction site and may then sell and bid (Nexmark's "new person" event).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param id the person's id, {@code >= 1000}, increasing by one per person event
 * @param name first and last name
 * @param emailAddress a made-up address
 * @param creditCard sixteen digits in four groups
 * @param city a US city
 * @param state a US state's two-letter code
 * @param dateTimeMillis when the person registered, in ms since the epoch
 * @param extra padding that brings the event to its configured average size
 */
@Public
public record Person(long id, String name, String emailAddress, String creditCard, String city, String state,
                     long dateTimeMillis, String extra) implements NexmarkEvent {
}
