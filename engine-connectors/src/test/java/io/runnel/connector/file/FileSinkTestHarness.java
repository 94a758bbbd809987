package io.runnel.connector.file;

import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.connector.sink.SinkFunction;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.api.state.testing.InMemoryOperatorStateStore;
import io.runnel.connector.testing.TestingRuntimeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives one {@link FileSink} subtask as the engine would, without a job: a serialized copy of the sink per
 * "attempt", operator state that survives restarts as bytes (as checkpoints keep it), and snapshots and
 * notifications called by the test. A "crash" is dropping the harness without {@code close}.
 *
 * <p><b>Threading:</b> the test thread only.
 */
final class FileSinkTestHarness {

    /** Operator state per checkpoint id, as bytes. */
    private final Map<Long, Map<String, List<byte[]>>> checkpoints = new LinkedHashMap<>();
    private byte[] sinkBytes;
    private final int subtaskIndex;
    private final int parallelism;
    private FileSink<String> sink;
    private InMemoryOperatorStateStore store;

    FileSinkTestHarness(FileSink<String> sink, int subtaskIndex, int parallelism) {
        this.sinkBytes = serialize(sink);
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
    }

    /** Makes the next attempt run {@code other} (a job resumed with a changed sink), with the same checkpoints. */
    void replaceSink(FileSink<String> other) {
        this.sinkBytes = serialize(other);
    }

    /** Starts a fresh attempt (no state). */
    FileSinkTestHarness start() throws Exception {
        return startFrom(null);
    }

    /** Starts an attempt restored from checkpoint {@code checkpointId} (null: a fresh start). */
    @SuppressWarnings("unchecked")
    FileSinkTestHarness startFrom(Long checkpointId) throws Exception {
        sink = (FileSink<String>) deserialize(sinkBytes);
        sink.setRuntimeContext(new TestingRuntimeContext("file sink", subtaskIndex, parallelism));
        store = new InMemoryOperatorStateStore(checkpointId == null ? Map.of() : checkpoints.get(checkpointId));
        boolean restored = checkpointId != null;
        sink.initializeState(new FunctionInitializationContext() {
            @Override
            public boolean isRestored() {
                return restored;
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return store;
            }

            @Override
            public KeyedStateStore getKeyedStateStore() {
                throw new UnsupportedOperationException();
            }
        });
        sink.open();
        return this;
    }

    void write(String... values) throws Exception {
        for (String v : values) {
            sink.invoke(v, new TestContext(null, Long.MIN_VALUE));
        }
    }

    void write(String value, long timestamp, long watermark) throws Exception {
        sink.invoke(value, new TestContext(timestamp, watermark));
    }

    void watermark(long watermark) throws Exception {
        sink.writeWatermark(watermark);
    }

    void snapshot(long checkpointId) throws Exception {
        sink.snapshotState(new FunctionSnapshotContext() {
            @Override
            public long getCheckpointId() {
                return checkpointId;
            }

            @Override
            public long getCheckpointTimestamp() {
                return 0;
            }
        });
        checkpoints.put(checkpointId, store.snapshot());
    }

    void notifyComplete(long checkpointId) throws Exception {
        sink.notifyCheckpointComplete(checkpointId);
    }

    void finish() throws Exception {
        sink.finish();
    }

    void close() throws Exception {
        sink.close();
    }

    /** A record's context. */
    record TestContext(Long timestamp, long currentWatermark) implements SinkFunction.Context {
    }

    private static byte[] serialize(Object o) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
