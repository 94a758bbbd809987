package io.runnel.runtime.tasks.mailbox;

import io.runnel.annotation.ThreadSafe;

/**
 * The handle other threads (and operators) use to run something on the task thread.
 *
 * <p><b>Threading:</b> thread-safe.
 */
@ThreadSafe
public final class MailboxExecutor {

    private final TaskMailbox mailbox;

    public MailboxExecutor(TaskMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /**
     * Runs {@code action} on the task thread between records.
     *
     * @throws TaskMailbox.MailboxClosedException if the task has ended
     */
    public void execute(ThrowingRunnable action, String descriptionFormat, Object... descriptionArgs) {
        mailbox.put(new Mail(action, descriptionFormat, descriptionArgs));
    }
}
