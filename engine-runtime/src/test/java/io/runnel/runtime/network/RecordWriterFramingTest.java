package io.runnel.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.StringSerializer;
import io.runnel.graph.PartitionerSpec;
import io.runnel.runtime.io.ChannelFrames;
import io.runnel.streamrecord.EndOfPartition;
import io.runnel.streamrecord.StreamElement;
import io.runnel.streamrecord.StreamRecord;
import io.runnel.streamrecord.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Records of any size survive the trip through buffers of any size, in order, with events in between. */
class RecordWriterFramingTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 17, 64, 1024, 32 * 1024})
    void recordsSpanningBuffersArriveIntactAndInOrder(int bufferSize) throws Exception {
        ResultPartition partition = new ResultPartition(
                new ResultPartitionId(io.runnel.api.common.JobId.generate(), 0, 0, 0), 1,
                new BufferPool(bufferSize, 1_000_000));
        RecordWriter<String> writer = new RecordWriter<>(partition,
                ChannelSelector.create(PartitionerSpec.FORWARD, 0, 1, 1, 128),
                new StreamElementSerializer<>(StringSerializer.INSTANCE), false);
        SplittableRandom random = new SplittableRandom(42);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int len = random.nextInt(10) == 0 ? random.nextInt(3_000) : random.nextInt(40);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < len; c++) {
                sb.append((char) ('a' + random.nextInt(26) + (random.nextInt(50) == 0 ? 900 : 0)));
            }
            StreamRecord<String> r = i % 3 == 0 ? new StreamRecord<>(sb.toString(), i) : new StreamRecord<>(sb.toString());
            writer.emit(r);
            expected.add((r.hasTimestamp() ? r.getTimestamp() + ":" : "") + sb);
            if (i % 500 == 0) {
                writer.broadcastEvent(new Watermark(i));
                expected.add(new Watermark(i));
            }
        }
        writer.broadcastEvent(EndOfPartition.INSTANCE);
        expected.add(EndOfPartition.INSTANCE);

        assertEquals(expected, readAll(partition.getSubpartition(0)));
    }

    @Test
    void consumedBuffersAreRecycledToThePool() throws Exception {
        BufferPool pool = new BufferPool(64, 4);
        ResultPartition partition = new ResultPartition(
                new ResultPartitionId(io.runnel.api.common.JobId.generate(), 0, 0, 0), 1, pool);
        RecordWriter<String> writer = new RecordWriter<>(partition,
                ChannelSelector.create(PartitionerSpec.FORWARD, 0, 1, 1, 128),
                new StreamElementSerializer<>(StringSerializer.INSTANCE), false);
        for (int round = 0; round < 50; round++) {
            writer.emit(new StreamRecord<>("x".repeat(150)));
            writer.flushAll();
            assertEquals(List.of("x".repeat(150)), readAll(partition.getSubpartition(0)));
        }
        // A 157-byte frame (4 length, 1 tag, 2 varint, 150 chars) spans three 64-byte buffers; after each round
        // all three came back, so the pool never needed a fourth.
        assertEquals(3, pool.getMaxBuffersInUse());
        for (int i = 0; i < 4; i++) {
            assertNotNull(pool.tryRequestBuffer(), "all four buffers are back and reusable");
        }
        assertNull(pool.tryRequestBuffer(), "and there is no fifth");
    }

    private static List<Object> readAll(ResultSubpartition sub) throws Exception {
        StreamElementSerializer<String> serializer = new StreamElementSerializer<>(StringSerializer.INSTANCE);
        ChannelFrames frames = new ChannelFrames(1);
        List<Object> out = new ArrayList<>();
        Buffer b;
        while ((b = sub.poll()) != null) {
            frames.setNextBuffer(0, b);
            DataInputDeserializer frame;
            while ((frame = frames.nextFrame(0)) != null) {
                StreamElement e = serializer.deserialize(frame);
                if (e instanceof StreamRecord<?> r) {
                    out.add((r.hasTimestamp() ? r.getTimestamp() + ":" : "") + r.getValue());
                } else {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
