package io.runnel.api.windowing.functions;

import io.runnel.annotation.Public;
import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.AbstractRichFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.windowing.windows.Window;

/**
 * Processes the elements of one key's fired window, with access to the window, the clocks, state and side
 * outputs. Follows Flink's {@code ProcessWindowFunction}.
 *
 * <p><b>Lifecycle:</b> {@code open()} once per parallel instance, then {@link #process} for every fire of every
 * window (a window that fires several times is processed each time with its current contents), {@link #clear} when
 * a window is discarded, and {@code close()} at the end.
 *
 * <p><b>Threading:</b> task thread only; the context and collector are valid only during the call.
 *
 * @param <IN> the element type
 * @param <OUT> the output type
 * @param <KEY> the key type
 * @param <W> the type of the windows
 */
@Public
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /**
     * Processes the contents of a window that fired.
     *
     * @param key the key of the window
     * @param context the window, clocks, state and side outputs; valid only during the call
     * @param elements the window's contents, in the order they were added (after eviction, if the window has an
     *     evictor)
     * @param out where to emit results; they carry {@code window.maxTimestamp()} as their event time
     * @throws Exception to fail the task
     */
    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /**
     * Called when a window is discarded (its time plus the allowed lateness has passed), to clear what the function
     * kept in {@link Context#windowState()} for it. Does nothing by default.
     *
     * @throws Exception to fail the task
     */
    public void clear(Context context) throws Exception {
    }

    /** What {@link #process} and {@link #clear} may ask about the window being processed. */
    public abstract class Context {

        /** @return the window being processed */
        public abstract W window();

        /** @return the current processing time in ms */
        public abstract long currentProcessingTime();

        /** @return the current event-time watermark in ms, {@link Long#MIN_VALUE} before the first */
        public abstract long currentWatermark();

        /** @return state scoped to the current key and window; clear it in {@link ProcessWindowFunction#clear} */
        public abstract KeyedStateStore windowState();

        /** @return state scoped to the current key, across all its windows */
        public abstract KeyedStateStore globalState();

        /**
         * Emits a value to the side output named by {@code tag}, with the window's {@code maxTimestamp()} as its
         * event time.
         *
         * @throws IllegalArgumentException if the tag is null
         */
        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
