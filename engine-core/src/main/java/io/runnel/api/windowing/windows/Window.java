package io.runnel.api.windowing.windows;

import io.runnel.annotation.Public;

/**
 * A group of elements that a window function sees together. A {@code WindowAssigner} puts each element into zero
 * or more windows; a {@code Trigger} decides when a window's contents are emitted. Follows Flink's {@code Window}.
 *
 * <p><b>Contract:</b> a window is a value: two windows are the same window when {@code equals} says so, and the
 * runtime uses it (through its serializer) as the namespace of the window's state and timers, so subclasses must
 * implement {@code equals} and {@code hashCode}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public abstract class Window {

    /**
     * @return the largest event timestamp (ms) that still belongs to this window; an event-time trigger fires once
     *     the watermark reaches it
     */
    public abstract long maxTimestamp();
}
