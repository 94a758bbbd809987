package io.runnel.runtime.tasks;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.runtime.io.ChannelFrames;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.StreamElementSerializer;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import io.runnel.streamrecord.CheckpointBarrier;
import io.runnel.streamrecord.EndOfPartition;
import io.runnel.streamrecord.StreamElement;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.concurrent.CompletableFuture;

/**
 * Input of a task fed by the network: takes buffers from the {@link InputGate}, cuts them into elements and
 * pushes records into the head operator. Tracks the watermark of each channel and forwards their minimum when it
 * advances (a channel that has ended no longer holds the minimum back).
 *
 * <p>Invariant: {@code emittedWatermark = min over unfinished channels of channelWatermark}, never decreasing.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class NetworkInputProcessor implements StreamInputProcessor {

    /** Elements per default-action run before returning to the mailbox loop. */
    private static final int ELEMENT_BUDGET = 4096;

    private final InputGate gate;
    private final ChannelFrames frames;
    private final StreamElementSerializer<Object>[] serializers;
    private final OneInputStreamOperator<Object, ?> head;
    private final TaskMailbox mailbox;
    private final long[] channelWatermarks;
    private final boolean[] finished;
    /** Owner: task thread. */
    private int finishedChannels;
    /** Owner: task thread. */
    private long emittedWatermark = Long.MIN_VALUE;
    /** Owner: task thread. */
    private int currentChannel = -1;

    /**
     * @param gate the input gate
     * @param serializers the element serializer of each channel (channels of one edge may share one)
     * @param head the operator that receives the records
     * @param mailbox the task's mailbox, checked between elements
     */
    NetworkInputProcessor(InputGate gate, StreamElementSerializer<Object>[] serializers,
                          OneInputStreamOperator<Object, ?> head, TaskMailbox mailbox) {
        this.gate = gate;
        this.frames = new ChannelFrames(gate.getNumberOfChannels());
        this.serializers = serializers;
        this.head = head;
        this.mailbox = mailbox;
        this.channelWatermarks = new long[gate.getNumberOfChannels()];
        java.util.Arrays.fill(channelWatermarks, Long.MIN_VALUE);
        this.finished = new boolean[gate.getNumberOfChannels()];
    }

    @Override
    public InputStatus processInput() throws Exception {
        for (int budget = ELEMENT_BUDGET; budget > 0; budget--) {
            DataInputDeserializer frame = currentChannel < 0 ? null : frames.nextFrame(currentChannel);
            if (frame == null) {
                InputGate.BufferAndChannel next = gate.pollNext();
                if (next == null) {
                    currentChannel = -1;
                    return finishedChannels == finished.length ? InputStatus.END_OF_INPUT
                            : InputStatus.NOTHING_AVAILABLE;
                }
                currentChannel = next.channelIndex();
                frames.setNextBuffer(currentChannel, next.buffer());
                continue;
            }
            dispatch(serializers[currentChannel].deserialize(frame), currentChannel);
            if (mailbox.hasMail()) {
                break;
            }
        }
        return finishedChannels == finished.length ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
    }

    @SuppressWarnings("unchecked")
    private void dispatch(StreamElement element, int channel) throws Exception {
        if (element instanceof StreamRecord<?> record) {
            head.processElement((StreamRecord<Object>) record);
        } else if (element instanceof Watermark w) {
            channelWatermarks[channel] = Math.max(channelWatermarks[channel], w.timestamp());
            advanceWatermark();
        } else if (element instanceof EndOfPartition) {
            finished[channel] = true;
            finishedChannels++;
            advanceWatermark();
        } else if (element instanceof WatermarkStatus || element instanceof CheckpointBarrier) {
            // Idleness and checkpoint alignment are handled once watermark generation and checkpoints exist;
            // until then no producer emits these.
            return;
        }
    }

    private void advanceWatermark() throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < channelWatermarks.length; i++) {
            if (!finished[i]) {
                min = Math.min(min, channelWatermarks[i]);
                any = true;
            }
        }
        if (any && min > emittedWatermark) {
            emittedWatermark = min;
            head.processWatermark(new Watermark(min));
        }
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        return gate.getAvailableFuture();
    }

    @Override
    public void close() {
        frames.clear();
        gate.release();
    }
}
