package io.runnel.runtime.tasks;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.runtime.operators.SourceOperator;
import io.runnel.runtime.tasks.mailbox.TaskMailbox;
import java.util.concurrent.CompletableFuture;

/**
 * Input of a source task: polls the {@link SourceOperator}'s reader while it has data, up to a budget of calls
 * per default action so that mails are not held up.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class SourceInputProcessor implements StreamInputProcessor {

    /** Reader polls per default-action run; a poll may emit up to about a thousand records. */
    private static final int POLL_BUDGET = 64;

    private final SourceOperator<?, ?> source;
    private final TaskMailbox mailbox;

    SourceInputProcessor(SourceOperator<?, ?> source, TaskMailbox mailbox) {
        this.source = source;
        this.mailbox = mailbox;
    }

    @Override
    public InputStatus processInput() throws Exception {
        for (int i = 0; i < POLL_BUDGET; i++) {
            InputStatus status = source.emitNext();
            if (status != InputStatus.MORE_AVAILABLE || mailbox.hasMail()) {
                return status;
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> getAvailableFuture() {
        return source.getReaderAvailableFuture();
    }

    @Override
    public boolean endedBySuspend() {
        return source.isSuspendedForGood();
    }

    @Override
    public void close() {
        // The reader is closed with the operator chain.
    }
}
