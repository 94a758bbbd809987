package io.runnel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobStatus;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.functions.MapFunction;
import io.runnel.runtime.testing.TestingSequenceSource;
import io.runnel.runtime.testing.TestingSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A throwing user function fails the job with its exception as root cause; cancel ends the job; no engine thread survives either. */
class FailureAndCancelIT {

    /** The exception the user function throws; a static so the test can check identity of the root cause. */
    static final class BoomException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BoomException(String message) {
            super(message);
        }
    }

    private static final CountDownLatch RUNNING = new CountDownLatch(1);

    @Test
    void throwingMapFailsJobWithItsExceptionAsRootCauseAndEndsAllThreads() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(new TestingSequenceSource(Long.MAX_VALUE, 1_000_000), "endless")
                .rebalance()
                .map((MapFunction<Long, Long>) x -> {
                    if (x == 50_000) {
                        throw new BoomException("bad record " + x);
                    }
                    return x;
                })
                .keyBy(x -> x % 7)
                .sum(x -> x)
                .sinkTo(new TestingSinks.Collecting<>());
        long start = System.nanoTime();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("boom"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 5_000, "failing took " + millis + " ms");
        assertEquals(JobStatus.FAILED, e.getStatus());
        Throwable root = rootCause(e);
        assertSame(BoomException.class, root.getClass(), "root cause: " + root);
        assertEquals("bad record 50000", root.getMessage());
        assertNoEngineThreads();
    }

    @Test
    void cancelEndsJobAsCanceledAndEndsAllThreads() throws Exception {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(2);
        env.fromSource(new TestingSequenceSource(Long.MAX_VALUE, 1_000_000), "endless")
                .map((MapFunction<Long, Long>) x -> {
                    RUNNING.countDown();
                    return x;
                })
                .keyBy(x -> x % 3)
                .sum(x -> x)
                .sinkTo(new TestingSinks.Collecting<>());
        JobClient client = env.executeAsync("endless");
        assertTrue(RUNNING.await(30, TimeUnit.SECONDS));
        assertEquals(JobStatus.RUNNING, client.getJobStatus().get());
        client.cancel().get();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));
        JobExecutionException jee = (JobExecutionException) e.getCause();
        assertEquals(JobStatus.CANCELED, jee.getStatus());
        assertNoEngineThreads();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Waits (joins) up to 10 s for engine threads that are ending, then asserts none is alive. */
    static void assertNoEngineThreads() throws InterruptedException {
        for (Thread t : engineThreads()) {
            t.join(10_000);
        }
        assertEquals(List.of(), engineThreads().stream().map(Thread::getName).toList());
    }

    private static List<Thread> engineThreads() {
        List<Thread> result = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("runnel-")) {
                result.add(t);
            }
        }
        return result;
    }
}
