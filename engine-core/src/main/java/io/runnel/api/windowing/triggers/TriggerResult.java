package io.runnel.api.windowing.triggers;

import io.runnel.annotation.Public;

/**
 * What a {@link Trigger} tells the window operator to do with a window after an element or a timer. Follows Flink's
 * {@code TriggerResult}.
 *
 * <pre>
 *                  fire    purge
 *   CONTINUE        no      no     keep collecting
 *   FIRE            yes     no     emit, keep the contents (a later fire sees them again)
 *   PURGE           no      yes    drop the contents, emit nothing
 *   FIRE_AND_PURGE  yes     yes    emit, then drop the contents
 * </pre>
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public enum TriggerResult {

    /** Do nothing. */
    CONTINUE(false, false),

    /** Emit the window, then drop its contents. */
    FIRE_AND_PURGE(true, true),

    /** Emit the window and keep its contents. */
    FIRE(true, false),

    /** Drop the window's contents without emitting. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    /** @return true if the window function runs on the window's contents */
    public boolean isFire() {
        return fire;
    }

    /** @return true if the window's contents are dropped */
    public boolean isPurge() {
        return purge;
    }
}
