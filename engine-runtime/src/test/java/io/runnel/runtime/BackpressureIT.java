package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.minicluster.MiniCluster;
import io.runnel.runtime.network.BufferPool;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.taskmanager.TaskManager;
import io.runnel.runtime.testing.TestingSequenceSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A fast source feeding a sink that only proceeds when the test hands it permits: the producer must stop once
 * its buffer pool is used up (backpressure) instead of buffering without bound, and every record still arrives.
 */
class BackpressureIT {

    private static final long RECORDS = 200_000;
    private static final AtomicLong EMITTED = new AtomicLong();
    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final Semaphore PERMITS = new Semaphore(0);

    @Test
    void slowSinkBackpressuresSourceWithBoundedBuffersAndLosesNothing() throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManager.BUFFER_SIZE, 1024L);
        conf.set(MiniCluster.NUM_SLOTS, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.fromSource(new TestingSequenceSource(RECORDS, RECORDS), "fast")
                .map((MapFunction<Long, Long>) x -> {
                    EMITTED.incrementAndGet();
                    return x;
                })
                .rebalance()
                .sinkTo(new GatedSink())
                .disableChaining();
        try (MiniCluster cluster = MiniCluster.start(conf)) {
            JobClient client = cluster.submitJob(env.getJobGraph("backpressure"));
            BufferPool pool = awaitProducerPool(cluster);
            awaitCondition(() -> !pool.isAvailable(), "the producer's buffer pool to run dry");
            long emittedWhileBlocked = EMITTED.get();
            // Capacity: every buffer full of 13-byte frames (4 length + 1 tag + 8 long), plus one record in hand.
            long capacityRecords = (long) pool.getMaxBuffers() * pool.getBufferSizeBytes() / 13 + 1;
            assertTrue(emittedWhileBlocked <= capacityRecords,
                    "emitted " + emittedWhileBlocked + " records while the sink took none; buffers hold at most "
                            + capacityRecords);
            assertTrue(emittedWhileBlocked < RECORDS, "the source was not held back");

            PERMITS.release(Integer.MAX_VALUE / 2);
            JobExecutionResult result = client.getJobExecutionResult().get(60, TimeUnit.SECONDS);
            assertEquals(RECORDS, result.getCounter("received"));
            assertEquals(pool.getMaxBuffers(), pool.getMaxBuffersInUse(),
                    "the producer used its whole pool, and never more");
        }
    }

    private static BufferPool awaitProducerPool(MiniCluster cluster) {
        BufferPool[] found = new BufferPool[1];
        awaitCondition(() -> {
            List<ResultPartition> ps = cluster.getTaskManagers().get(0).getPartitionManager().registeredPartitions();
            if (ps.isEmpty()) {
                return false;
            }
            found[0] = ps.get(0).getBufferPool();
            return true;
        }, "the producer's partition to be registered");
        return found[0];
    }

    /** Polls a condition every millisecond for up to 30 s. */
    private static void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Takes one permit per record, so the test decides when the sink may proceed. */
    private static final class GatedSink implements Sink<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            var counter = context.getRuntimeContext().getLongCounter("received");
            return new SinkWriter<>() {
                @Override
                public void write(Long element, Context ctx) throws InterruptedException {
                    PERMITS.acquire();
                    counter.increment();
                    RECEIVED.incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
