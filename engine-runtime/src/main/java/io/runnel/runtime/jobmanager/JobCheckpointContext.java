package io.runnel.runtime.jobmanager;

import io.runnel.annotation.MainThread;
import io.runnel.api.common.JobStatus;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.graph.ChainedOperator;
import io.runnel.graph.JobVertex;
import io.runnel.runtime.checkpoint.CheckpointCoordinatorContext;
import io.runnel.runtime.checkpoint.CheckpointTrigger;
import io.runnel.runtime.checkpoint.OperatorIds;
import io.runnel.runtime.executiongraph.ExecutionAttemptId;
import io.runnel.runtime.executiongraph.ExecutionGraph;
import io.runnel.runtime.executiongraph.ExecutionState;
import io.runnel.runtime.rpc.TaskManagerGateway;
import io.runnel.streamrecord.CheckpointBarrier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The {@link CheckpointCoordinatorContext} of a {@link JobMaster}: reads the current attempts from the execution
 * graph and reaches the tasks through their TaskManagers' gateways.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
final class JobCheckpointContext implements CheckpointCoordinatorContext {

    private final JobMaster job;

    JobCheckpointContext(JobMaster job) {
        this.job = job;
    }

    @Override
    @MainThread
    public Tasks tasks() {
        ExecutionGraph graph = job.executionGraph();
        List<ExecutionAttemptId> running = graph.attemptsIn(ExecutionState.RUNNING);
        List<ExecutionAttemptId> finished = graph.attemptsIn(ExecutionState.FINISHED);
        // No subtask still deploying, and none failed or cancelled (the job is not failing over).
        boolean allRunning = graph.getStatus() == JobStatus.RUNNING
                && graph.nonTerminalAttempts().size() == running.size()
                && graph.attemptsIn(ExecutionState.FAILED).isEmpty()
                && graph.attemptsIn(ExecutionState.CANCELED).isEmpty();
        Map<Integer, Integer> finishedPerVertex = new HashMap<>();
        for (ExecutionAttemptId id : finished) {
            finishedPerVertex.merge(id.vertexId(), 1, Integer::sum);
        }
        List<ExecutionAttemptId> sources = new ArrayList<>();
        for (ExecutionAttemptId id : running) {
            JobVertex vertex = job.jobGraph().vertex(id.vertexId());
            if (vertex.isSource() || allProducersFinished(vertex, finishedPerVertex)) {
                sources.add(id);
            }
        }
        return new Tasks(allRunning, sources, new HashSet<>(running), new HashSet<>(finished));
    }

    /**
     * A task whose producers have all finished gets no barrier any more: it is triggered like a source (after
     * FLIP-147), and checkpoints once the data still queued on its channels is in.
     */
    private boolean allProducersFinished(JobVertex vertex, Map<Integer, Integer> finishedPerVertex) {
        for (int edgeId : vertex.inputEdges()) {
            JobVertex producer = job.jobGraph().vertex(job.jobGraph().edge(edgeId).sourceVertexId());
            if (finishedPerVertex.getOrDefault(producer.id(), 0) < producer.parallelism()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void triggerCheckpoint(ExecutionAttemptId attempt, CheckpointBarrier barrier, CheckpointTrigger trigger) {
        TaskManagerGateway tm = job.placement().get(attempt);
        if (tm != null) {
            tm.triggerCheckpoint(attempt, barrier, trigger.terminate(), trigger.drain());
        }
    }

    @Override
    public void notifyCheckpointComplete(ExecutionAttemptId attempt, long checkpointId) {
        TaskManagerGateway tm = job.placement().get(attempt);
        if (tm != null) {
            tm.notifyCheckpointComplete(attempt, checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(ExecutionAttemptId attempt, long checkpointId) {
        TaskManagerGateway tm = job.placement().get(attempt);
        if (tm != null) {
            tm.notifyCheckpointAborted(attempt, checkpointId);
        }
    }

    @Override
    public Map<String, byte[]> snapshotCoordinators(long checkpointId) throws Exception {
        Map<String, byte[]> states = new HashMap<>();
        for (Map.Entry<Integer, SourceCoordinator<SourceSplit>> e : job.coordinators().entrySet()) {
            JobVertex v = job.jobGraph().vertex(e.getKey());
            states.put(OperatorIds.of(v.operators().get(0)), e.getValue().snapshot(checkpointId));
        }
        return states;
    }

    @Override
    public Map<String, int[]> operatorParallelism() {
        Map<String, int[]> result = new HashMap<>();
        for (JobVertex v : job.jobGraph().vertices()) {
            for (ChainedOperator op : v.operators()) {
                result.put(OperatorIds.of(op), new int[] {v.parallelism(), v.maxParallelism()});
            }
        }
        return result;
    }

    @Override
    public List<String> operatorIdsOf(ExecutionAttemptId attempt) {
        List<String> ids = new ArrayList<>();
        for (ChainedOperator op : job.jobGraph().vertex(attempt.vertexId()).operators()) {
            ids.add(OperatorIds.of(op));
        }
        return ids;
    }

    @Override
    public void failJob(Throwable cause) {
        job.failJob(cause);
    }
}
