package io.runnel.runtime.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.JobId;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.typeutils.BasicSerializers;
import io.runnel.graph.PartitionerSpec;
import io.runnel.runtime.io.checkpointing.CheckpointBarrierHandler;
import io.runnel.runtime.network.BufferPool;
import io.runnel.runtime.network.ChannelSelector;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.RecordWriter;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.network.ResultPartitionId;
import io.runnel.runtime.network.ResultPartitionManager;
import io.runnel.runtime.network.StreamElementSerializer;
import io.runnel.runtime.operators.OneInputStreamOperator;
import io.runnel.runtime.tasks.mailbox.TaskMailboxImpl;
import io.runnel.streamrecord.CheckpointBarrier;
import io.runnel.streamrecord.EndOfData;
import io.runnel.streamrecord.EndOfPartition;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import io.runnel.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Barrier alignment through the real input path (record writers, buffers, input gate, frame cutting): in
 * exactly-once mode the records a channel sends after barrier n reach the operator only after the snapshot of n;
 * at-least-once lets them through; a newer barrier aborts an unfinished alignment; an ended channel owes no
 * barrier. Buffers are 64 bytes, so frames span buffers and blocked channels stash several.
 */
class BarrierAlignmentTest {

    private static final JobId JOB = JobId.generate();

    /** What the operator and the handler saw, in order: "c:v" records and "snapshot n" / "abort n" markers. */
    private final List<String> log = new ArrayList<>();

    @Test
    void exactlyOnceHoldsBackRecordsAfterTheBarrierUntilEveryChannelDeliveredIt() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.EXACTLY_ONCE);
        f.records(0, 0, 5);
        f.barrier(0, 1);
        f.records(0, 100, 105);
        f.records(1, 10, 15);
        f.barrier(1, 1);
        f.records(1, 110, 115);
        f.end();
        f.drain();
        int snapshot = log.indexOf("snapshot 1");
        assertTrue(snapshot > 0, "snapshot taken: " + log);
        for (int i = 0; i < log.size(); i++) {
            String entry = log.get(i);
            if (entry.contains(":")) {
                int v = Integer.parseInt(entry.substring(entry.indexOf(':') + 1));
                assertEquals(v >= 100, i > snapshot, "record " + entry + " on the wrong side of the snapshot: " + log);
            }
        }
        assertEquals(5 + 5 + 5 + 5 + 1, log.size(), "every record once: " + log);
    }

    @Test
    void atLeastOnceLetsRecordsAfterTheBarrierThroughBeforeTheSnapshot() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.AT_LEAST_ONCE);
        f.barrier(0, 1);
        f.records(0, 100, 105);
        f.flush();
        f.drain();
        f.barrier(1, 1);
        f.end();
        f.drain();
        // Channel 0's later records were processed while channel 1's barrier was still missing: after a restore
        // from this checkpoint they are replayed, which is where at-least-once duplicates come from.
        assertEquals(List.of("0:100", "0:101", "0:102", "0:103", "0:104", "snapshot 1"), log);
    }

    @Test
    void aNewerBarrierAbortsTheUnfinishedAlignment() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.EXACTLY_ONCE);
        f.barrier(0, 1);
        f.records(0, 100, 102);
        f.barrier(0, 2);
        f.flush();
        f.drain();
        f.barrier(1, 2);
        f.end();
        f.drain();
        assertEquals(List.of("abort 1", "0:100", "0:101", "snapshot 2"), log.subList(0, 4), "log: " + log);
    }

    @Test
    void anEndedChannelOwesNoBarrier() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.EXACTLY_ONCE);
        f.records(1, 10, 12);
        f.endChannel(1);
        f.barrier(0, 1);
        f.records(0, 100, 101);
        f.endChannel(0);
        f.drain();
        assertEquals(List.of("1:10", "1:11", "snapshot 1", "0:100"), log);
    }

    @Test
    void theEndOfDataEndsTheInputBeforeTheBarrierThatFollowsIt() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.EXACTLY_ONCE);
        f.records(0, 0, 2);
        f.endData(0);
        f.barrier(0, 1);
        f.records(1, 10, 12);
        f.endData(1);
        f.barrier(1, 1);
        f.flush();
        assertEquals(InputStatus.END_OF_INPUT, f.drainOnce());
        // The task finishes its operators here, so the snapshot that follows sees them finished.
        assertEquals(4, log.size(), "every record, and no snapshot yet: " + log);
        assertFalse(f.processor.allChannelsClosed());
        f.drain();
        assertEquals("snapshot 1", log.get(log.size() - 1));
        f.end();
        f.drain();
        assertTrue(f.processor.allChannelsClosed());
    }

    @Test
    void aTriggerWithoutBarrierSnapshotsOnceTheQueuedInputIsIn() throws Exception {
        Fixture f = new Fixture(CheckpointingMode.EXACTLY_ONCE);
        f.records(0, 0, 3);
        f.records(1, 10, 13);
        f.end();
        f.flush();
        f.processor.processExternalTrigger(new CheckpointBarrier(5, 0, false, "/tmp/unused"));
        assertEquals(List.of(), log, "the records still queued come first");
        f.drain();
        assertEquals(7, log.size(), "log: " + log);
        assertEquals("snapshot 5", log.get(6));
        assertTrue(f.processor.allChannelsClosed());
    }

    /** Two producers, each writing into one channel of the consumer's gate. */
    private final class Fixture {
        private final List<RecordWriter<Long>> writers = new ArrayList<>();
        private final NetworkInputProcessor processor;

        @SuppressWarnings("unchecked")
        Fixture(CheckpointingMode mode) {
            ResultPartitionManager partitions = new ResultPartitionManager();
            List<ResultPartitionId> ids = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                ResultPartitionId id = new ResultPartitionId(JOB, 0, p, 0);
                ResultPartition partition = new ResultPartition(id, 1, new BufferPool(64, 1_000));
                partitions.register(partition);
                ids.add(id);
                writers.add(new RecordWriter<>(partition, ChannelSelector.create(PartitionerSpec.FORWARD, 0, 1, 1, 128),
                        new StreamElementSerializer<>(BasicSerializers.LongSerializer.INSTANCE), false));
            }
            InputGate gate = new InputGate(ids, 0);
            gate.connect(partitions);
            StreamElementSerializer<Object>[] serializers = new StreamElementSerializer[2];
            for (int c = 0; c < 2; c++) {
                serializers[c] = (StreamElementSerializer<Object>) (StreamElementSerializer<?>)
                        new StreamElementSerializer<>(BasicSerializers.LongSerializer.INSTANCE);
            }
            processor = NetworkInputProcessor.forOneInput(gate, serializers, new Recorder(), new TaskMailboxImpl());
            processor.setBarrierHandler(CheckpointBarrierHandler.create(mode, 2, new CheckpointBarrierHandler.Actions() {
                @Override
                public void triggerCheckpointOnBarrier(CheckpointBarrier barrier) {
                    log.add("snapshot " + barrier.checkpointId());
                }

                @Override
                public void abortCheckpointOnBarrier(long checkpointId, String reason) {
                    log.add("abort " + checkpointId);
                }

                @Override
                public void unblockChannel(int channel) {
                    processor.unblockChannel(channel);
                }
            }));
        }

        void records(int channel, long from, long to) throws Exception {
            for (long v = from; v < to; v++) {
                writers.get(channel).emit(new StreamRecord<>(v * 1_000 + channel));
            }
        }

        void barrier(int channel, long id) throws Exception {
            writers.get(channel).broadcastEvent(new CheckpointBarrier(id, 0, false, "/tmp/unused"));
        }

        void endChannel(int channel) throws Exception {
            writers.get(channel).broadcastEvent(EndOfPartition.INSTANCE);
        }

        void endData(int channel) throws Exception {
            writers.get(channel).broadcastEvent(EndOfData.INSTANCE);
        }

        /** @return the status after reading until it is not MORE_AVAILABLE, without flushing first */
        InputStatus drainOnce() throws Exception {
            InputStatus status;
            do {
                status = processor.processInput();
            } while (status == InputStatus.MORE_AVAILABLE);
            return status;
        }

        void end() throws Exception {
            endChannel(0);
            endChannel(1);
        }

        void flush() {
            writers.forEach(RecordWriter::flushAll);
        }

        void drain() throws Exception {
            flush();
            InputStatus status;
            do {
                status = processor.processInput();
            } while (status == InputStatus.MORE_AVAILABLE);
        }
    }

    /** Logs each record as "channel:value" (the value encodes both). */
    private final class Recorder implements OneInputStreamOperator<Object, Object> {
        @Override
        public void processElement(StreamRecord<Object> record) {
            long encoded = (Long) record.getValue();
            log.add((encoded % 1_000) + ":" + (encoded / 1_000));
        }

        @Override
        public void processWatermark(Watermark watermark) {
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus status) {
        }

        @Override
        public void open() {
        }

        @Override
        public void finish() {
        }

        @Override
        public void close() {
        }
    }
}
