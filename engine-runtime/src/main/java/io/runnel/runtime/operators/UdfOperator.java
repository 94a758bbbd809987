package io.runnel.runtime.operators;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;

/**
 * Base of the operators that run one user function: opens and closes it when it is a {@link RichFunction},
 * initializes its state when it is a {@link CheckpointedFunction} (with this operator's operator state), and
 * forwards watermarks. {@link KeyedUdfOperator} adds keyed state and user timers.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <F> the user function type
 * @param <OUT> output type
 */
abstract class UdfOperator<F, OUT> {

    protected final F function;
    protected final Output<OUT> output;
    protected final StreamingRuntimeContext runtimeContext;
    /** The function's operator (non-keyed) state, restored when the task restores. */
    protected final DefaultOperatorStateBackend operatorState;
    /** Owner: task thread. */
    private boolean opened;

    UdfOperator(F function, StreamOperatorParameters<OUT> parameters) {
        this.function = function;
        this.output = parameters.output();
        this.runtimeContext = parameters.runtimeContext();
        this.operatorState = parameters.operatorStateBackend();
    }

    /** Lets a {@link CheckpointedFunction} write its state into its state stores. */
    public void snapshotState(long checkpointId, long timestampMillis) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(new SnapshotContext(checkpointId, timestampMillis));
        }
    }

    /** Forwards the completion of a checkpoint to a function that listens for it. */
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    /** Forwards the abort of a checkpoint to a function that listens for it. */
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointAborted(checkpointId);
        }
    }

    /** What {@link CheckpointedFunction#snapshotState} gets. */
    private record SnapshotContext(long checkpointId, long timestampMillis) implements FunctionSnapshotContext {
        @Override
        public long getCheckpointId() {
            return checkpointId;
        }

        @Override
        public long getCheckpointTimestamp() {
            return timestampMillis;
        }
    }

    public void open() throws Exception {
        // As in Flink: the runtime context first, then the function's state, then open().
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(runtimeContext);
        }
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.initializeState(new InitializationContext());
        }
        if (function instanceof RichFunction rich) {
            rich.open();
        }
        opened = true;
    }

    public void finish() throws Exception {
    }

    public void close() throws Exception {
        if (opened && function instanceof RichFunction rich) {
            opened = false;
            rich.close();
        }
    }

    public void processWatermark(Watermark watermark) throws Exception {
        output.emitWatermark(watermark);
    }

    public void processWatermarkStatus(WatermarkStatus status) throws Exception {
        output.emitWatermarkStatus(status);
    }

    /** What {@link CheckpointedFunction#initializeState} gets: this operator's state stores. */
    private final class InitializationContext implements FunctionInitializationContext {
        @Override
        public boolean isRestored() {
            return operatorState.isRestored();
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
            return operatorState;
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
            return runtimeContext;
        }
    }

    /** Rethrows the checked exception a downstream operator threw through a {@code Collector}. */
    static Exception unwrap(TimestampedCollector.DownstreamException e) {
        return (Exception) e.getCause();
    }
}
