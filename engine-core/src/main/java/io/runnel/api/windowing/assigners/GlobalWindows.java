package io.runnel.api.windowing.assigners;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.triggers.NeverTrigger;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/**
 * Assigns every element of a key to the single {@link GlobalWindow}. Its default trigger never fires, so a job
 * must set its own trigger (e.g. {@code CountTrigger}) for the window to emit anything. Follows Flink's
 * {@code GlobalWindows}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {
    }

    /** @return the global window assigner */
    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    /** @return the global window, whatever the element and timestamp (a missing timestamp is fine) */
    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    /** @return a trigger that never fires */
    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return NeverTrigger.create();
    }

    @Override
    public TypeSerializer<GlobalWindow> getWindowSerializer() {
        return GlobalWindow.Serializer.INSTANCE;
    }

    /** @return false: the window is not defined by time */
    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }
}
