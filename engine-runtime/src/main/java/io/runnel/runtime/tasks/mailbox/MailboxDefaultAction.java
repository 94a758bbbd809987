package io.runnel.runtime.tasks.mailbox;

/**
 * The work a task does when no mail is waiting: process input. Each call should return within about a
 * millisecond so that mails (checkpoints, timers, cancellation) are not held up.
 *
 * <p><b>Threading:</b> task thread only.
 */
@FunctionalInterface
public interface MailboxDefaultAction {

    /** Processes some input. @throws Exception to fail the task */
    void runDefaultAction(Controller controller) throws Exception;

    /** What the default action may tell the loop. */
    interface Controller {

        /**
         * Stops calling the default action until the returned suspension is resumed (e.g. when input or output
         * is unavailable); the loop then blocks on the mailbox.
         */
        Suspension suspendDefaultAction();

        /** Ends the loop after the current call: the input has ended. */
        void allActionsCompleted();
    }

    /** A suspended default action; {@link #resume()} may be called from any thread, once. */
    interface Suspension {

        /** Lets the loop call the default action again. */
        void resume();
    }
}
