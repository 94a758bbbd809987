package io.runnel.api.windowing.assigners;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/**
 * Puts each element of a windowed stream into zero or more windows. Follows Flink's {@code WindowAssigner}.
 *
 * <p><b>Contract:</b> {@link #assignWindows} depends only on its arguments (and the assigner's configuration), so
 * every subtask and every restore assigns an element to the same windows. The returned windows are new or
 * immutable; the caller may keep them.
 *
 * <p><b>Threading:</b> an assigner is configured when the job is built and then immutable; the window operator calls
 * it on the task thread only.
 *
 * @param <T> the type of the elements assigned
 * @param <W> the type of the windows
 */
@Public
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Returns the windows {@code element} belongs to.
     *
     * @param element the element
     * @param timestamp the element's event timestamp in ms, or {@link Long#MIN_VALUE} if it has none
     * @param context gives the current processing time, for processing-time assigners
     * @return the windows, possibly empty (a sliding assigner with a slide larger than its size leaves gaps)
     * @throws IllegalStateException from an event-time assigner if the element has no timestamp
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** @return the trigger used when the job sets none: it fires each window when its time has passed */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** @return the serializer of the windows, used to key window state and timers */
    public abstract TypeSerializer<W> getWindowSerializer();

    /** @return true if windows are defined by event time (watermarks), false for processing time */
    public abstract boolean isEventTime();

    /**
     * What an assigner may ask the window operator while assigning.
     *
     * <p><b>Threading:</b> task thread only, valid during the {@link #assignWindows} call.
     */
    @Public
    public interface WindowAssignerContext {

        /** @return the operator's current processing time in ms (wall clock, or the manual clock in tests) */
        long getCurrentProcessingTime();
    }
}
