package io.runnel.runtime.tasks;

import io.runnel.api.common.Accumulator;
import io.runnel.api.common.Configuration;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobVertex;
import io.runnel.runtime.checkpoint.TaskRestore;
import io.runnel.runtime.network.InputGate;
import io.runnel.runtime.network.ResultPartition;
import io.runnel.runtime.operators.OperatorEventGateway;
import io.runnel.runtime.operators.TaskInfo;
import io.runnel.runtime.tasks.mailbox.TaskMailboxImpl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Everything a {@link StreamTask} is created with, prepared by the TaskManager.
 *
 * <p><b>Threading:</b> immutable holder; the objects inside follow their own rules.
 *
 * @param taskInfo facts about the subtask
 * @param jobGraph the job (for edge descriptions)
 * @param vertex the vertex this task runs
 * @param outputPartitions one per output edge of the vertex, in the order of {@code vertex.outputEdges()}
 * @param inputGate the input, or null for a source task
 * @param mailbox the task's mailbox
 * @param timerService the TaskManager's timer thread (it only enqueues mails)
 * @param eventGateway to the coordinator of this vertex's source, if any
 * @param accumulators the task's accumulator registry (task thread only)
 * @param configuration the job's configuration
 * @param restore the state to start from, or null for a fresh start
 * @param checkpointResponder where acknowledgements and declines of checkpoints go (the JobManager)
 * @param asyncSnapshotExecutor the TaskManager's pool for the asynchronous part of snapshots
 */
public record TaskEnvironment(TaskInfo taskInfo, JobGraph jobGraph, JobVertex vertex,
                              List<ResultPartition> outputPartitions, InputGate inputGate, TaskMailboxImpl mailbox,
                              ScheduledExecutorService timerService, OperatorEventGateway eventGateway,
                              Map<String, Accumulator<?, ?>> accumulators, Configuration configuration,
                              TaskRestore restore, CheckpointResponder checkpointResponder,
                              Executor asyncSnapshotExecutor) {
}
