package io.runnel.runtime.operators.windowing;

import io.runnel.streamrecord.WatermarkStatus;
import io.runnel.api.common.LongCounter;
import io.runnel.api.common.OutputTag;
import io.runnel.api.functions.Function;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.api.windowing.assigners.MergingWindowAssigner;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.triggers.TriggerResult;
import io.runnel.api.windowing.windows.Window;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.operators.Output;
import io.runnel.runtime.operators.StreamOperatorParameters;
import io.runnel.runtime.operators.StreamingRuntimeContext;
import io.runnel.runtime.operators.timers.InternalTimer;
import io.runnel.runtime.operators.timers.InternalTimerServiceImpl;
import io.runnel.runtime.operators.timers.Triggerable;
import io.runnel.state.KeyedStateBackend;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.Collection;

/**
 * The keyed window operator: assigns each element to windows, keeps each window's contents in keyed state with
 * the window as namespace ({@link WindowContents}), asks the trigger on every element and timer whether to fire
 * and/or purge, and discards a window's state once its cleanup time (end + allowed lateness, in its time domain)
 * has passed. Merging assigners (sessions) keep a {@link MergingWindowSet} per key. Elements whose windows are all
 * gone are late: they go to the late-data side output if one is set, else they are counted in
 * {@code numLateRecordsDropped} and dropped. Follows Flink's {@code WindowOperator} and
 * {@code EvictingWindowOperator}.
 *
 * <p><b>Threading:</b> task thread only (timers fire through the mailbox or on watermarks).
 *
 * @param <K> key type
 * @param <IN> element type
 * @param <OUT> output type
 * @param <W> window type
 */
public final class WindowOperator<K, IN, OUT, W extends Window>
        implements OneInputStreamOperator<IN, OUT>, Triggerable<K, W> {

    private final WindowAssigner<Object, W> assigner;
    private final Trigger<Object, W> trigger;
    private final Evictor<?, ?> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;
    private final KeySelector<IN, K> keySelector;
    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<W> windowSerializer;
    private final TypeInformation<IN> inputType;
    private final Function incremental;
    private final ProcessWindowFunction<Object, OUT, K, W> windowFunction;
    private final KeyedStateBackend<K> backend;
    private final StreamingRuntimeContext runtimeContext;
    private final StreamOperatorParameters<OUT> parameters;
    private final WindowEmitter<K, OUT, W> emitter;
    private final Output<OUT> output;
    /** Created in {@link #open()}; owner: task thread. */
    private InternalTimerServiceImpl<K, W> timers;
    private WindowContents<IN, W> contents;
    private ListState<MergingWindowSet.Mapping<W>> mergingWindowsState;
    private WindowTriggerContext<K, W> triggerContext;
    private LongCounter lateRecordsDropped;
    private final WindowAssigner.WindowAssignerContext assignerContext = this::currentProcessingTime;

    /**
     * @param spec the window's configuration from the job graph (a fresh copy for this subtask)
     * @param parameters the operator's output, runtime context, keyed backend and clocks
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public WindowOperator(OperatorSpec.WindowSpec spec, StreamOperatorParameters<OUT> parameters) {
        this.assigner = (WindowAssigner) spec.assigner();
        this.trigger = (Trigger) spec.trigger();
        this.evictor = spec.evictor();
        this.allowedLateness = spec.allowedLatenessMillis();
        this.lateDataTag = (OutputTag<IN>) spec.lateDataTag();
        this.keySelector = (KeySelector<IN, K>) spec.keySelector();
        this.keySerializer = (TypeSerializer<K>) spec.keyType().createSerializer();
        this.windowSerializer = assigner.getWindowSerializer();
        this.inputType = (TypeInformation<IN>) spec.inputType();
        this.incremental = spec.incremental();
        this.windowFunction = (ProcessWindowFunction) spec.windowFunction();
        this.backend = (KeyedStateBackend<K>) (KeyedStateBackend<?>) parameters.keyedStateBackend();
        this.runtimeContext = parameters.runtimeContext();
        this.parameters = parameters;
        this.output = parameters.output();
        this.emitter = new WindowEmitter<>(output, windowFunction, backend, windowSerializer, runtimeContext);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        timers = new InternalTimerServiceImpl<>("window-timers", backend, keySerializer, windowSerializer,
                parameters.processingTimeService(), this);
        contents = WindowContents.create(backend, windowSerializer, inputType, incremental, evictor);
        if (assigner instanceof MergingWindowAssigner<?, ?>) {
            TypeInformation<MergingWindowSet.Mapping<W>> mappingType =
                    (TypeInformation) TypeInformation.of(MergingWindowSet.Mapping.class);
            mergingWindowsState = backend.getOrCreateKeyedState(
                    new ListStateDescriptor<>("merging-window-set", mappingType));
        }
        triggerContext = new WindowTriggerContext<>(backend, windowSerializer, timers);
        lateRecordsDropped = runtimeContext.getLongCounter("numLateRecordsDropped");
        UserFunctions.open(runtimeContext, incremental, windowFunction);
        emitter.setTimers(timers);
    }

    private long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        IN value = record.getValue();
        long timestamp = record.hasTimestamp() ? record.getTimestamp() : Long.MIN_VALUE;
        backend.setCurrentKey(keySelector.getKey(value));
        long assignTime = assigner.isEventTime() ? timestamp : currentProcessingTime();
        Collection<W> windows = assigner.assignWindows(value, assignTime, assignerContext);
        boolean skipped = mergingWindowsState != null
                ? addToMergingWindows(windows, value, timestamp)
                : addToWindows(windows, value, timestamp);
        if (skipped && isElementLate(timestamp)) {
            if (lateDataTag != null) {
                StreamRecord<IN> late = new StreamRecord<>(value);
                late.copyTimestampFrom(record);
                output.collect(lateDataTag, late);
            } else {
                lateRecordsDropped.add(1);
            }
        }
    }

    /** @return true if every window was already gone (the element was not added anywhere) */
    private boolean addToWindows(Collection<W> windows, IN value, long timestamp) throws Exception {
        boolean skipped = true;
        for (W window : windows) {
            if (isWindowLate(window)) {
                continue;
            }
            skipped = false;
            contents.setWindow(window);
            contents.add(value, timestamp);
            triggerContext.setWindow(window);
            TriggerResult result = trigger.onElement(value, timestamp, window, triggerContext);
            act(result, window, window);
            registerCleanupTimer(window);
        }
        return skipped;
    }

    private boolean addToMergingWindows(Collection<W> windows, IN value, long timestamp) throws Exception {
        MergingWindowSet<W> set = new MergingWindowSet<>((MergingWindowAssigner<?, W>) assigner, mergingWindowsState);
        boolean skipped = true;
        for (W window : windows) {
            W actual = set.addWindow(window, (mergeResult, merged, stateResult, mergedStates) -> {
                if (isWindowLate(mergeResult)) {
                    throw new IllegalStateException("The assigner merged windows into the late window "
                            + mergeResult + "; merging assigners must not create late windows");
                }
                triggerContext.setWindow(mergeResult);
                triggerContext.setMergedWindows(merged);
                trigger.onMerge(mergeResult, triggerContext);
                for (W m : merged) {
                    triggerContext.setWindow(m);
                    trigger.clear(m, triggerContext);
                    deleteCleanupTimer(m);
                }
                contents.state().mergeNamespaces(stateResult, mergedStates);
            });
            if (isWindowLate(actual)) {
                set.retireWindow(actual);
                continue;
            }
            skipped = false;
            W stateWindow = set.getStateWindow(actual);
            contents.setWindow(stateWindow);
            contents.add(value, timestamp);
            triggerContext.setWindow(actual);
            TriggerResult result = trigger.onElement(value, timestamp, actual, triggerContext);
            act(result, actual, stateWindow);
            registerCleanupTimer(actual);
        }
        set.persist();
        return skipped;
    }

    /** Fires and/or purges {@code window}, whose contents live in namespace {@code stateWindow}. */
    private void act(TriggerResult result, W window, W stateWindow) throws Exception {
        if (result.isFire()) {
            contents.setWindow(stateWindow);
            emitter.setWindow(window);
            contents.fire(window, emitter, emitter);
        }
        if (result.isPurge()) {
            contents.setWindow(stateWindow);
            contents.clear();
        }
    }

    @Override
    public void processWatermark(Watermark watermark) throws Exception {
        timers.advanceWatermark(watermark.timestamp());
        output.emitWatermark(watermark);
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
        W window = timer.namespace();
        MergingWindowSet<W> set = null;
        W stateWindow = window;
        if (mergingWindowsState != null) {
            set = new MergingWindowSet<>((MergingWindowAssigner<?, W>) assigner, mergingWindowsState);
            stateWindow = set.getStateWindow(window);
            if (stateWindow == null) {
                // The window was merged into another, whose own timers carry on.
                return;
            }
        }
        triggerContext.setWindow(window);
        TriggerResult result = eventTime
                ? trigger.onEventTime(timer.timestamp(), window, triggerContext)
                : trigger.onProcessingTime(timer.timestamp(), window, triggerContext);
        act(result, window, stateWindow);
        if (eventTime == assigner.isEventTime() && timer.timestamp() == cleanupTime(window)) {
            clearAllState(window, stateWindow, set);
        }
        if (set != null) {
            set.persist();
        }
    }

    private void clearAllState(W window, W stateWindow, MergingWindowSet<W> set) throws Exception {
        contents.setWindow(stateWindow);
        contents.clear();
        triggerContext.setWindow(window);
        trigger.clear(window, triggerContext);
        emitter.clearWindowState(window);
        if (set != null) {
            set.retireWindow(window);
        }
    }

    private long cleanupTime(W window) {
        if (!assigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long cleanup = window.maxTimestamp() + allowedLateness;
        return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
    }

    private boolean isWindowLate(W window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private boolean isElementLate(long timestamp) {
        return assigner.isEventTime() && timestamp != Long.MIN_VALUE
                && timestamp + allowedLateness <= timers.currentWatermark();
    }

    private void registerCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (time == Long.MAX_VALUE) {
            return;
        }
        if (assigner.isEventTime()) {
            timers.registerEventTimeTimer(window, time);
        } else {
            timers.registerProcessingTimeTimer(window, time);
        }
    }

    private void deleteCleanupTimer(W window) {
        long time = cleanupTime(window);
        if (assigner.isEventTime()) {
            timers.deleteEventTimeTimer(window, time);
        } else {
            timers.deleteProcessingTimeTimer(window, time);
        }
    }

    @Override
    public void finish() {
        // Event-time windows fire on the final watermark, which arrives before the end of input.
    }

    @Override
    public void close() throws Exception {
        try {
            if (timers != null) {
                timers.close();
            }
            UserFunctions.close(incremental, windowFunction);
        } finally {
            backend.close();
        }
    }
}
