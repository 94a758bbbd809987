package io.runnel.runtime.operators;

import io.runnel.api.common.Configuration;
import io.runnel.runtime.operators.timers.ProcessingTimeService;
import io.runnel.runtime.tasks.mailbox.MailboxExecutor;
import io.runnel.state.KeyedStateBackend;
import io.runnel.state.operator.DefaultOperatorStateBackend;

/**
 * Everything an operator is created with.
 *
 * <p><b>Threading:</b> immutable; the objects inside are owned by the task thread.
 *
 * @param output where the operator emits
 * @param runtimeContext the context handed to user functions
 * @param keyedStateBackend the operator's keyed state, or null for a non-keyed operator
 * @param mailboxExecutor to run actions on the task thread from other threads
 * @param eventGateway to send events to the operator's coordinator in the JobManager (sources)
 * @param processingTimeService the wall clock and timer callbacks that run as mails
 * @param configuration the job's configuration
 * @param operatorStateBackend the operator's operator (non-keyed) state, restored from a checkpoint if the task
 *     restores
 * @param <OUT> the output type
 */
public record StreamOperatorParameters<OUT>(Output<OUT> output, StreamingRuntimeContext runtimeContext,
                                            KeyedStateBackend<Object> keyedStateBackend,
                                            MailboxExecutor mailboxExecutor, OperatorEventGateway eventGateway,
                                            ProcessingTimeService processingTimeService,
                                            Configuration configuration,
                                            DefaultOperatorStateBackend operatorStateBackend) {
}
