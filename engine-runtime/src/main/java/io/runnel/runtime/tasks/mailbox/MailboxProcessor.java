package io.runnel.runtime.tasks.mailbox;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.annotation.TaskThread;

/**
 * The loop of a task thread: run waiting mails, then the default action, again and again; when the default action
 * is suspended, block on the mailbox. After Flink's {@code MailboxProcessor}.
 *
 * <p>Mails are checked between calls of the default action through one volatile read, so a busy task pays almost
 * nothing for being interruptible by mail.
 *
 * <p><b>Threading:</b> task thread only (the loop), except that a suspension may be resumed from any thread: it
 * puts a mail.
 *
 * <p><b>Lifecycle:</b> {@link #runMailboxLoop()} returns when the default action calls
 * {@link MailboxDefaultAction.Controller#allActionsCompleted()}; exceptions of mails and of the default action
 * (cancellation is a mail that throws) propagate out of it.
 */
@NotThreadSafe
public final class MailboxProcessor implements MailboxDefaultAction.Controller {

    private final TaskMailbox mailbox;
    private final MailboxDefaultAction defaultAction;
    /** Owner: task thread. */
    private boolean running = true;
    /** Owner: task thread. */
    private boolean suspended;

    public MailboxProcessor(TaskMailbox mailbox, MailboxDefaultAction defaultAction) {
        this.mailbox = mailbox;
        this.defaultAction = defaultAction;
    }

    /**
     * Runs the loop until the input ends.
     *
     * @throws Exception from a mail or the default action
     */
    @TaskThread
    public void runMailboxLoop() throws Exception {
        while (processMail()) {
            defaultAction.runDefaultAction(this);
        }
    }

    /** @return false when the loop should end */
    private boolean processMail() throws Exception {
        if (mailbox.hasMail()) {
            Mail m;
            while (running && (m = mailbox.tryTake()) != null) {
                m.run();
            }
        }
        while (running && suspended) {
            mailbox.take().run();
        }
        return running;
    }

    @Override
    public MailboxDefaultAction.Suspension suspendDefaultAction() {
        suspended = true;
        return () -> mailbox.put(new Mail(() -> suspended = false, "resume the default action"));
    }

    @Override
    public void allActionsCompleted() {
        running = false;
    }
}
