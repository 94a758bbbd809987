package io.runnel.runtime.tasks;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.runtime.io.ChannelFrames;
import io.runnel.runtime.io.checkpointing.CheckpointBarrierHandler;
import io.runnel.runtime.network.Buffer;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.StreamElementSerializer;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.operators.TwoInputStreamOperator;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import io.runnel.streamrecord.CheckpointBarrier;
import io.runnel.streamrecord.EndOfData;
import io.runnel.streamrecord.EndOfPartition;
import io.runnel.streamrecord.StreamElement;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Input of a task fed by the network: takes buffers from the {@link InputGate}, cuts them into elements and
 * pushes records into the head operator. The gate's channels form one or two logical inputs (a two-input head,
 * after Flink's {@code StreamTwoInputProcessor}): each channel belongs to the input its job edge feeds, and a
 * record goes to {@code processElement} of a one-input head, or to {@code processElement1}/{@code processElement2}
 * of a two-input head by its channel's input. Tracks the watermark of each channel and forwards the combined one
 * when it advances (a channel that has ended no longer holds the minimum back).
 *
 * <p>Invariants, over unfinished channels c: {@code inputWatermark(i) = min over c of input i of
 * channelWatermark[c]} (an input all of whose channels ended does not count), and {@code emittedWatermark = min
 * over inputs i of inputWatermark(i)}, never decreasing. So a two-input operator's watermark is the minimum of its
 * two inputs' watermarks, as in Flink. The input ends when every channel of every input has ended its data
 * ({@link EndOfData} or {@link EndOfPartition}); a channel that only ended its data still delivers checkpoint
 * barriers (the producer's final checkpoint) until its end of partition, so the processor is read on after the
 * end of input until every channel is closed ({@link #allChannelsClosed()}).
 *
 * <p><b>Threading:</b> task thread only.
 */
final class NetworkInputProcessor implements StreamInputProcessor {

    /** Elements per default-action run before returning to the mailbox loop. */
    private static final int ELEMENT_BUDGET = 4096;

    /** Takes the records of one logical input. */
    @FunctionalInterface
    interface RecordHandler {
        /** @throws Exception from the operator, to fail the task */
        void processRecord(StreamRecord<Object> record) throws Exception;
    }

    /** Takes the combined watermark and the idle/active status of the task's inputs. */
    interface WatermarkHandler {
        /** @throws Exception from the operator, to fail the task */
        void processWatermark(Watermark watermark) throws Exception;

        /** @throws Exception from the operator, to fail the task */
        void processWatermarkStatus(WatermarkStatus status) throws Exception;
    }

    private final InputGate gate;
    private final ChannelFrames frames;
    private final StreamElementSerializer<Object>[] serializers;
    /** Per channel, its logical input: 0 for the first, 1 for the second. */
    private final int[] inputOfChannel;
    /** Per logical input, where its records go. */
    private final RecordHandler[] handlers;
    private final WatermarkHandler watermarks;
    private final TaskMailbox mailbox;
    private final long[] channelWatermarks;
    /** Per channel, whether it ended its data (no record or watermark follows; barriers may). */
    private final boolean[] finished;
    /** Per channel, whether its end of partition arrived (nothing at all follows). */
    private final boolean[] closed;
    /** Per channel, whether its producer declared it idle (it then does not hold back the watermark). */
    private final boolean[] idle;
    /** Owner: task thread. Whether this task told its consumers it is idle (every unfinished channel is). */
    private boolean emittedIdle;
    /** Owner: task thread. Channels that ended their data. */
    private int finishedChannels;
    /** Owner: task thread. Channels whose end of partition arrived. */
    private int closedChannels;
    /** Owner: task thread. Completed when a channel is unblocked with unread data while the task may be idle. */
    private CompletableFuture<Void> unblocked = new CompletableFuture<>();
    /** Owner: task thread. Whether a channel ended suspended (stop-with-savepoint without drain). */
    private boolean suspendedEnd;
    /** Owner: task thread. */
    private long emittedWatermark = Long.MIN_VALUE;
    /** Owner: task thread. */
    private int currentChannel = -1;
    /** Decides on checkpoints from barriers; null until {@link #setBarrierHandler}. */
    private CheckpointBarrierHandler barrierHandler;
    /** Per channel, buffers that arrived while it was blocked for alignment or had unread frames, in order. */
    private final ArrayDeque<Buffer>[] stashed;
    /** Per channel, whether its current buffer still has unread frames that we stopped reading (alignment). */
    private final boolean[] leftover;
    /** Channels unblocked with unread data, to be read before the gate is polled again. */
    private final ArrayDeque<Integer> resumeQueue = new ArrayDeque<>();

    private NetworkInputProcessor(InputGate gate, StreamElementSerializer<Object>[] serializers, int[] inputOfChannel,
                                  RecordHandler[] handlers, WatermarkHandler watermarks, TaskMailbox mailbox) {
        this.gate = gate;
        this.frames = new ChannelFrames(gate.getNumberOfChannels());
        this.serializers = serializers;
        this.inputOfChannel = inputOfChannel;
        this.handlers = handlers;
        this.watermarks = watermarks;
        this.mailbox = mailbox;
        this.channelWatermarks = new long[gate.getNumberOfChannels()];
        Arrays.fill(channelWatermarks, Long.MIN_VALUE);
        this.finished = new boolean[gate.getNumberOfChannels()];
        this.closed = new boolean[gate.getNumberOfChannels()];
        this.idle = new boolean[gate.getNumberOfChannels()];
        this.stashed = newStash(gate.getNumberOfChannels());
        this.leftover = new boolean[gate.getNumberOfChannels()];
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<Buffer>[] newStash(int channels) {
        ArrayDeque<Buffer>[] stash = new ArrayDeque[channels];
        for (int c = 0; c < channels; c++) {
            stash[c] = new ArrayDeque<>(2);
        }
        return stash;
    }

    /** Sets the handler that turns barriers into checkpoints (without one, barriers are ignored). */
    void setBarrierHandler(CheckpointBarrierHandler handler) {
        this.barrierHandler = handler;
    }

    /**
     * Lets a channel that was blocked for alignment be read again: its unread frames and stashed buffers come
     * before anything new from the gate. Called by the barrier handler, on the task thread.
     */
    void unblockChannel(int channel) {
        if ((leftover[channel] || !stashed[channel].isEmpty()) && !resumeQueue.contains(channel)) {
            resumeQueue.add(channel);
            // A checkpoint trigger (a mail) can unblock while the task waits on the gate, which has nothing new.
            unblocked.complete(null);
        }
    }

    /**
     * @param gate the input gate
     * @param serializers the element serializer of each channel (channels of one edge may share one)
     * @param head the operator that receives every channel's records
     * @param mailbox the task's mailbox, checked between elements
     * @return a processor with one logical input
     */
    static NetworkInputProcessor forOneInput(InputGate gate, StreamElementSerializer<Object>[] serializers,
                                             OneInputStreamOperator<Object, ?> head, TaskMailbox mailbox) {
        return new NetworkInputProcessor(gate, serializers, new int[gate.getNumberOfChannels()],
                new RecordHandler[] {head::processElement}, watermarkHandler(head::processWatermark,
                head::processWatermarkStatus), mailbox);
    }

    /**
     * @param gate the input gate
     * @param serializers the element serializer of each channel
     * @param inputOfChannel per channel, 1 if it feeds the head's first input, 2 if its second
     * @param head the two-input operator that receives the records
     * @param mailbox the task's mailbox, checked between elements
     * @return a processor with two logical inputs
     * @throws IllegalArgumentException if an input index is not 1 or 2
     */
    static NetworkInputProcessor forTwoInputs(InputGate gate, StreamElementSerializer<Object>[] serializers,
                                              int[] inputOfChannel, TwoInputStreamOperator<Object, Object, ?> head,
                                              TaskMailbox mailbox) {
        int[] zeroBased = new int[inputOfChannel.length];
        for (int c = 0; c < zeroBased.length; c++) {
            if (inputOfChannel[c] != 1 && inputOfChannel[c] != 2) {
                throw new IllegalArgumentException("channel " + c + " has input index " + inputOfChannel[c]);
            }
            zeroBased[c] = inputOfChannel[c] - 1;
        }
        return new NetworkInputProcessor(gate, serializers, zeroBased,
                new RecordHandler[] {head::processElement1, head::processElement2},
                watermarkHandler(head::processWatermark, head::processWatermarkStatus), mailbox);
    }

    @Override
    public InputStatus processInput() throws Exception {
        for (int budget = ELEMENT_BUDGET; budget > 0; budget--) {
            DataInputDeserializer frame = currentChannel < 0 ? null : frames.nextFrame(currentChannel);
            if (frame == null) {
                if (!nextChannel()) {
                    return finishedChannels == finished.length ? InputStatus.END_OF_INPUT
                            : InputStatus.NOTHING_AVAILABLE;
                }
                continue;
            }
            boolean endedBefore = finishedChannels == finished.length;
            dispatch(serializers[currentChannel].deserialize(frame), currentChannel);
            if (!endedBefore && finishedChannels == finished.length) {
                // Return before reading on: a barrier that follows must find the task's operators finished.
                return InputStatus.END_OF_INPUT;
            }
            if (mailbox.hasMail()) {
                break;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /**
     * Starts a checkpoint that no barrier will bring: the coordinator triggers this task directly because every
     * producer has finished. It completes once every channel has delivered its end of partition, after the data
     * still queued before it.
     *
     * @throws Exception from the snapshot, to fail the task
     */
    void processExternalTrigger(CheckpointBarrier barrier) throws Exception {
        if (barrierHandler != null) {
            barrierHandler.processExternalTrigger(barrier);
        }
    }

    @Override
    public boolean allChannelsClosed() {
        return closedChannels == closed.length;
    }

    /**
     * Moves to the next buffer to read: the current channel's stashed buffers, then channels resumed after an
     * alignment, then the gate. A buffer of a channel that is blocked, or still has unread data, is stashed so its
     * order is kept.
     *
     * @return false if nothing can be read now
     */
    private boolean nextChannel() {
        if (currentChannel >= 0) {
            leftover[currentChannel] = false;
            if (!stashed[currentChannel].isEmpty() && !isBlocked(currentChannel)) {
                frames.setNextBuffer(currentChannel, stashed[currentChannel].poll());
                return true;
            }
        }
        Integer resumed = resumeQueue.poll();
        if (resumed != null) {
            currentChannel = resumed;
            return true;
        }
        while (true) {
            InputGate.BufferAndChannel next = gate.pollNext();
            if (next == null) {
                currentChannel = -1;
                return false;
            }
            int c = next.channelIndex();
            if (isBlocked(c) || leftover[c] || !stashed[c].isEmpty()) {
                stashed[c].add(next.buffer());
                continue;
            }
            currentChannel = c;
            frames.setNextBuffer(c, next.buffer());
            return true;
        }
    }

    private boolean isBlocked(int channel) {
        return barrierHandler != null && barrierHandler.isBlocked(channel);
    }

    @SuppressWarnings("unchecked")
    private void dispatch(StreamElement element, int channel) throws Exception {
        // Events go through dispatchEvent, so that the compiled record path (which inlines the operator chain)
        // does not carry their code.
        if (element instanceof StreamRecord<?> record) {
            handlers[inputOfChannel[channel]].processRecord((StreamRecord<Object>) record);
        } else {
            dispatchEvent(element, channel);
        }
    }

    private void dispatchEvent(StreamElement element, int channel) throws Exception {
        if (element instanceof Watermark w) {
            channelWatermarks[channel] = Math.max(channelWatermarks[channel], w.timestamp());
            advanceWatermark();
        } else if (element instanceof EndOfData) {
            endData(channel);
        } else if (element instanceof EndOfPartition end) {
            suspendedEnd |= end == EndOfPartition.SUSPENDED;
            closed[channel] = true;
            closedChannels++;
            endData(channel);
            if (barrierHandler != null) {
                barrierHandler.processEndOfPartition(channel);
            }
        } else if (element instanceof WatermarkStatus status) {
            idle[channel] = status.idle();
            advanceWatermark();
        } else if (element instanceof CheckpointBarrier barrier && barrierHandler != null) {
            barrierHandler.processBarrier(barrier, channel);
            if (barrierHandler.isBlocked(channel)) {
                // Stop reading this channel mid-buffer; what is left waits for the end of the alignment.
                leftover[channel] = true;
                currentChannel = -1;
            }
        }
    }

    private void endData(int channel) throws Exception {
        if (finished[channel]) {
            return;
        }
        finished[channel] = true;
        finishedChannels++;
        if (!suspendedEnd) {
            // A suspended channel did not reach the end of its data: leaving it out of the minimum would let
            // the watermark jump and fire windows after the savepoint that a resumed job fires again.
            advanceWatermark();
        }
    }

    /**
     * Recomputes the task's watermark: per input the minimum over its active (unfinished, not idle) channels, then
     * the minimum over the inputs that have one. When every unfinished channel is idle the task tells its
     * consumers it is idle instead, and active again when one of them is (after Flink's status watermark valve).
     */
    private void advanceWatermark() throws Exception {
        if (finishedChannels == finished.length || suspendedEnd) {
            // Every input has ended: the last watermark stands (a bounded input's final one was already sent).
            return;
        }
        boolean allIdle = true;
        for (int c = 0; c < idle.length; c++) {
            allIdle &= finished[c] || idle[c];
        }
        if (allIdle != emittedIdle) {
            emittedIdle = allIdle;
            watermarks.processWatermarkStatus(allIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE);
        }
        if (allIdle) {
            return;
        }
        long combined = Long.MAX_VALUE;
        for (int input = 0; input < handlers.length; input++) {
            if (hasActiveChannel(input)) {
                combined = Math.min(combined, inputWatermark(input));
            }
        }
        if (combined > emittedWatermark) {
            emittedWatermark = combined;
            watermarks.processWatermark(new Watermark(combined));
        }
    }

    /** @return true if one of the input's channels is neither finished nor idle */
    private boolean hasActiveChannel(int input) {
        for (int c = 0; c < channelWatermarks.length; c++) {
            if (inputOfChannel[c] == input && !finished[c] && !idle[c]) {
                return true;
            }
        }
        return false;
    }

    /** @return the minimum over the input's active channels, or Long.MAX_VALUE if none is active */
    private long inputWatermark(int input) {
        long min = Long.MAX_VALUE;
        for (int c = 0; c < channelWatermarks.length; c++) {
            if (inputOfChannel[c] == input && !finished[c] && !idle[c]) {
                min = Math.min(min, channelWatermarks[c]);
            }
        }
        return min;
    }

    private static WatermarkHandler watermarkHandler(WatermarkConsumer onWatermark, StatusConsumer onStatus) {
        return new WatermarkHandler() {
            @Override
            public void processWatermark(Watermark watermark) throws Exception {
                onWatermark.accept(watermark);
            }

            @Override
            public void processWatermarkStatus(WatermarkStatus status) throws Exception {
                onStatus.accept(status);
            }
        };
    }

    /** A method taking a watermark. */
    private interface WatermarkConsumer {
        void accept(Watermark watermark) throws Exception;
    }

    /** A method taking a watermark status. */
    private interface StatusConsumer {
        void accept(WatermarkStatus status) throws Exception;
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        if (!resumeQueue.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (unblocked.isDone()) {
            unblocked = new CompletableFuture<>();
        }
        return CompletableFuture.anyOf(gate.getAvailableFuture(), unblocked).thenApply(x -> null);
    }

    @Override
    public boolean endedBySuspend() {
        return suspendedEnd;
    }

    @Override
    public void close() {
        frames.clear();
        for (ArrayDeque<Buffer> stash : stashed) {
            stash.forEach(Buffer::recycle);
            stash.clear();
        }
        gate.release();
    }
}
