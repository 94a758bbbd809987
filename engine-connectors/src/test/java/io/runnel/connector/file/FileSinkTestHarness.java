package io.runnel.connector.file;

import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.connector.sink.SinkFunction;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.connector.testing.TestingRuntimeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private Store store;

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
        store = new Store(checkpointId == null ? Map.of() : checkpoints.get(checkpointId));
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
        checkpoints.put(checkpointId, store.bytes());
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

    /** Operator list states restored from bytes and written back as bytes. */
    private static final class Store implements OperatorStateStore {
        private final Map<String, List<byte[]>> restored;
        private final Map<String, Lists<?>> live = new LinkedHashMap<>();

        Store(Map<String, List<byte[]>> restored) {
            this.restored = restored;
        }

        @Override
        public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) {
            Lists<S> list = new Lists<>(descriptor.createSerializer());
            for (byte[] b : restored.getOrDefault(descriptor.getName(), List.of())) {
                list.values.add(list.read(b));
            }
            live.put(descriptor.getName(), list);
            return list;
        }

        @Override
        public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) {
            return getListState(descriptor);
        }

        @Override
        public Set<String> getRegisteredStateNames() {
            return live.keySet();
        }

        Map<String, List<byte[]>> bytes() {
            Map<String, List<byte[]>> out = new LinkedHashMap<>();
            live.forEach((name, list) -> out.put(name, list.bytes()));
            return out;
        }
    }

    private static final class Lists<S> implements ListState<S> {
        final List<S> values = new ArrayList<>();
        private final TypeSerializer<S> serializer;

        Lists(TypeSerializer<S> serializer) {
            this.serializer = serializer;
        }

        S read(byte[] bytes) {
            try {
                return serializer.deserialize(new DataInputDeserializer(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<byte[]> bytes() {
            List<byte[]> out = new ArrayList<>();
            for (S v : values) {
                DataOutputSerializer o = new DataOutputSerializer(64);
                try {
                    serializer.serialize(v, o);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.add(o.toByteArray());
            }
            return out;
        }

        @Override
        public Iterable<S> get() {
            return values;
        }

        @Override
        public void add(S value) {
            values.add(value);
        }

        @Override
        public void update(List<S> list) {
            values.clear();
            values.addAll(list);
        }

        @Override
        public void addAll(List<S> list) {
            values.addAll(list);
        }

        @Override
        public void clear() {
            values.clear();
        }
    }
}
