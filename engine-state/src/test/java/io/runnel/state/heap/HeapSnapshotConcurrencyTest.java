package io.runnel.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.KeyGroupedPriorityQueue;
import io.runnel.state.heap.HeapSnapshotFixture.Timer;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStateOutputStream;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.SnapshotType;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asynchronous part of a snapshot runs on another thread while the task thread keeps writing: the writer is
 * held in the middle of its stream by a latch until the task thread has done half its writes, then both run at
 * once. The restored state must equal a plain-Java copy taken when the snapshot was taken.
 */
class HeapSnapshotConcurrencyTest {

    private static final KeyGroupRange ALL = KeyGroupRange.of(0, HeapSnapshotFixture.MAX_PARALLELISM - 1);
    /** The writer stops once this many bytes are written, some key groups in. */
    private static final long PAUSE_AT_BYTES = 8 * 1024;

    @TempDir
    Path storage;

    private HeapSnapshotFixture fixture;
    private final ExecutorService asyncThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "async-snap"));

    @AfterEach
    void close() {
        asyncThread.shutdownNow();
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void materializeOnAnotherThreadWritesTheStateOfTheSnapshotWhileTheTaskThreadWrites() throws Exception {
        fixture = new HeapSnapshotFixture(storage);
        HeapKeyedStateBackend<String> backend = fixture.backend(ALL, List.of());
        HeapStateModel.States states = new HeapStateModel.States(backend);
        KeyGroupedPriorityQueue<Timer> queue = backend.createPriorityQueue("timers", Timer.SPEC);
        HeapStateModel model = new HeapStateModel();
        TreeSet<Timer> timers = new TreeSet<>(Timer.ORDER);
        List<String> keys = IntStream.range(0, 4_000).mapToObj(i -> "k" + i).collect(Collectors.toList());
        SplittableRandom random = new SplittableRandom(5);
        write(model, states, queue, timers, random, keys.subList(0, 1_000), 10_000);

        for (int round = 0; round < 3; round++) {
            CountDownLatch paused = new CountDownLatch(1);
            CountDownLatch resume = new CountDownLatch(1);
            AsyncSnapshot<KeyedStateHandle> snapshot = backend.snapshot(pausing(fixture.streams(), paused, resume));
            HeapStateModel atSnapshot = model.copy();
            List<Timer> timersAtSnapshot = new ArrayList<>(timers);
            Future<KeyedStateHandle> handle = asyncThread.submit(snapshot::materialize);

            assertTrue(paused.await(30, TimeUnit.SECONDS), "the writer should reach the pause");
            write(model, states, queue, timers, random, keys, 15_000);
            resume.countDown();
            write(model, states, queue, timers, random, keys, 15_000);
            KeyedStateHandle written = handle.get(60, TimeUnit.SECONDS);

            HeapKeyedStateBackend<String> restored = fixture.backend(ALL, List.of(written));
            atSnapshot.assertMatches(new HeapStateModel.States(restored), keys);
            KeyGroupedPriorityQueue<Timer> restoredQueue = restored.createPriorityQueue("timers", Timer.SPEC);
            List<Timer> polled = new ArrayList<>();
            for (Timer t = restoredQueue.poll(); t != null; t = restoredQueue.poll()) {
                polled.add(t);
            }
            assertEquals(timersAtSnapshot, polled, "round " + round);
            model.assertMatches(states, keys);
            assertEquals(0, backend.liveSnapshots());
        }
    }

    private static void write(HeapStateModel model, HeapStateModel.States states, KeyGroupedPriorityQueue<Timer> queue,
                              TreeSet<Timer> timers, SplittableRandom random, List<String> keys, int count) {
        for (int i = 0; i < count; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            model.randomOperation(states, random, key);
            Timer timer = new Timer(random.nextInt(10_000), key);
            if (random.nextBoolean()) {
                assertEquals(timers.add(timer), queue.add(timer));
            } else {
                assertEquals(timers.pollFirst(), queue.poll());
            }
        }
    }

    /** Streams of {@code streams} that stop at {@link #PAUSE_AT_BYTES} until {@code resume} opens. */
    private static CheckpointStreamFactory pausing(CheckpointStreamFactory streams, CountDownLatch paused,
                                                   CountDownLatch resume) {
        return new CheckpointStreamFactory() {
            @Override
            public long checkpointId() {
                return streams.checkpointId();
            }

            @Override
            public SnapshotType snapshotType() {
                return streams.snapshotType();
            }

            @Override
            public CheckpointStateOutputStream createExclusiveStream(String nameHint) throws IOException {
                return new PausingStream(streams.createExclusiveStream(nameHint), paused, resume);
            }

            @Override
            public Path sharedDirectory() throws IOException {
                return streams.sharedDirectory();
            }

            @Override
            public Path exclusiveDirectory() throws IOException {
                return streams.exclusiveDirectory();
            }
        };
    }

    /** Delegates to a stream and blocks the writing thread once, at {@link #PAUSE_AT_BYTES}. */
    private static final class PausingStream extends CheckpointStateOutputStream {
        private final CheckpointStateOutputStream out;
        private final CountDownLatch paused;
        private final CountDownLatch resume;

        PausingStream(CheckpointStateOutputStream out, CountDownLatch paused, CountDownLatch resume) {
            this.out = out;
            this.paused = paused;
            this.resume = resume;
        }

        private void maybePause() throws IOException {
            if (paused.getCount() > 0 && out.getPos() >= PAUSE_AT_BYTES) {
                paused.countDown();
                try {
                    if (!resume.await(60, TimeUnit.SECONDS)) {
                        throw new IOException("the test did not resume the writer");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }

        @Override
        public void write(int b) throws IOException {
            maybePause();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            maybePause();
            out.write(b, off, len);
        }

        @Override
        public long getPos() {
            return out.getPos();
        }

        @Override
        public StreamStateHandle closeAndGetHandle() throws IOException {
            return out.closeAndGetHandle();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
