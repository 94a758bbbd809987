package io.runnel.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import io.runnel.api.environment.CheckpointingOptions;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.jobmanager.MainThreadExecutor;
import io.runnel.streamrecord.CheckpointBarrier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link CheckpointCoordinator} on its own, with one task that acknowledges when the test says: checkpoints
 * completing out of order with two allowed at once.
 */
class CheckpointCoordinatorTest {

    private static final JobId JOB = JobId.generate();
    private static final ExecutionAttemptId TASK = new ExecutionAttemptId(JOB, 1, 0, 0);

    /** One running source task; records what the coordinator asks of the job. */
    private static final class OneTask implements CheckpointCoordinatorContext {
        final List<Long> triggered = new ArrayList<>();
        final List<Long> completed = new ArrayList<>();
        final List<Throwable> jobFailures = new ArrayList<>();

        @Override
        public Tasks tasks() {
            return new Tasks(true, List.of(TASK), Set.of(TASK), Set.of());
        }

        @Override
        public void triggerCheckpoint(ExecutionAttemptId attempt, CheckpointBarrier barrier, CheckpointTrigger trigger) {
            triggered.add(barrier.checkpointId());
        }

        @Override
        public void notifyCheckpointComplete(ExecutionAttemptId attempt, long checkpointId) {
            completed.add(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(ExecutionAttemptId attempt, long checkpointId) {
        }

        @Override
        public Map<String, byte[]> snapshotCoordinators(long checkpointId) {
            return Map.of();
        }

        @Override
        public Map<String, int[]> operatorParallelism() {
            return Map.of("op", new int[] {1, 128});
        }

        @Override
        public List<String> operatorIdsOf(ExecutionAttemptId attempt) {
            return List.of("op");
        }

        @Override
        public void failJob(Throwable cause) {
            jobFailures.add(cause);
        }
    }

    @Test
    void aNewerCheckpointCompletingFirstSubsumesTheOlderPendingOne(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.MAX_CONCURRENT, 2);
        conf.set(CheckpointingOptions.NUM_RETAINED, 1);
        OneTask task = new OneTask();
        try (MainThreadExecutor main = new MainThreadExecutor("test-jobmanager")) {
            CheckpointCoordinator coordinator = main.supply(() -> new CheckpointCoordinator("job", JOB, conf,
                    dir, task, main)).get();
            CompletableFuture<CompletedCheckpoint> first = main.supply(() ->
                    coordinator.trigger(CheckpointTrigger.CHECKPOINT)).get();
            CompletableFuture<CompletedCheckpoint> second = main.supply(() ->
                    coordinator.trigger(CheckpointTrigger.CHECKPOINT)).get();
            assertEquals(List.of(1L, 2L), task.triggered);

            main.supply(() -> {
                coordinator.acknowledge(TASK, 2, new TaskStateSnapshot(Map.of()));
                return null;
            }).get();
            assertEquals(2, second.get(10, TimeUnit.SECONDS).checkpointId());
            ExecutionException subsumed = assertThrows(ExecutionException.class,
                    () -> first.get(10, TimeUnit.SECONDS));
            assertTrue(subsumed.getCause().getMessage().contains("subsumed by checkpoint 2"),
                    subsumed.getCause().getMessage());

            // The late acknowledgement of checkpoint 1 changes nothing: checkpoint 2 stays the latest.
            main.supply(() -> {
                coordinator.acknowledge(TASK, 1, new TaskStateSnapshot(Map.of()));
                return null;
            }).get();
            assertEquals(2, main.supply(coordinator::latestCompleted).get().checkpointId());
            assertEquals(List.of(2L), task.completed);
            assertEquals(List.of(), task.jobFailures, "a subsumed checkpoint is not a checkpoint failure");
            assertFalse(Files.exists(CheckpointStorageLocations.checkpointDirectory(dir, 1)),
                    "the subsumed checkpoint's directory is gone");
        }
    }
}
