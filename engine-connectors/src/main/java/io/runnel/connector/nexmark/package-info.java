/**
 * A generator source of the Nexmark benchmark's auction events: {@link io.runnel.connector.nexmark.NexmarkSource}
 * emits {@link io.runnel.connector.nexmark.Person}, {@link io.runnel.connector.nexmark.Auction} and
 * {@link io.runnel.connector.nexmark.Bid} events, each a pure function of the seed and its event id (see
 * {@link io.runnel.connector.nexmark.NexmarkGenerator}), configured by a
 * {@link io.runnel.connector.nexmark.NexmarkConfig}.
 */
package io.runnel.connector.nexmark;
