package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * Marks a stream as idle (no records or watermarks for a while, so it must not hold back the minimum watermark
 * of its consumers) or active again.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param idle true when the stream is idle
 */
@Internal
public record WatermarkStatus(boolean idle) implements StreamElement {

    public static final WatermarkStatus IDLE = new WatermarkStatus(true);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(false);
}
