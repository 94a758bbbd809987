package io.runnel.streamrecord;

import io.runnel.annotation.Public;

/**
 * The assertion that no more records with a timestamp {@code <= timestamp} (ms) will arrive on this stream.
 *
 * <p>There is one {@code Watermark} class in Runnel, used both by watermark generators and inside the engine
 * (Flink has two). {@link #MAX_WATERMARK} ends event time: a bounded input emits it when it ends so that every
 * event-time timer and window fires.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param timestamp event time in ms since the epoch
 */
@Public
public record Watermark(long timestamp) implements StreamElement {

    /** The watermark that signals the end of event time. */
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);

    /** The watermark an operator starts with before any input has advanced event time. */
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);
}
