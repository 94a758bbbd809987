package io.runnel.runtime.tasks.mailbox;

import java.util.List;

/**
 * The queue of {@link Mail}s of one task. Any thread may put; only the owner (the task thread) may take. This is
 * what lets operators, state and timers live without locks: every other thread talks to them through mails.
 * After Flink's {@code TaskMailbox}.
 *
 * <p><b>Threading:</b> {@link #put} and {@link #hasMail()} from any thread; the take methods from the owner
 * thread only, checked on every call.
 */
public interface TaskMailbox {

    /**
     * Enqueues a mail.
     *
     * @throws MailboxClosedException if the mailbox is closed (the task ended)
     */
    void put(Mail mail);

    /** @return true if a mail is waiting; a cheap volatile read for the hot loop */
    boolean hasMail();

    /** @return the next mail or null; owner thread only */
    Mail tryTake();

    /**
     * @return the next mail, waiting for one; owner thread only
     * @throws InterruptedException if the owner thread is interrupted while waiting
     */
    Mail take() throws InterruptedException;

    /** Closes the mailbox: later puts fail. @return the mails that were still queued */
    List<Mail> close();

    /** Thrown by {@link #put} after {@link #close()}. */
    final class MailboxClosedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public MailboxClosedException(String message) {
            super(message);
        }
    }
}
