package io.runnel.runtime.tasks.mailbox;

/**
 * An action for the task thread, enqueued by another thread (or by the task thread itself). The description
 * (a format string and its arguments, formatted only when needed) names the action in error reports.
 *
 * <p><b>Threading:</b> immutable; created on any thread, run on the task thread.
 *
 * @param action what to run
 * @param descriptionFormat a {@link String#format} pattern
 * @param descriptionArgs its arguments
 */
public record Mail(ThrowingRunnable action, String descriptionFormat, Object... descriptionArgs) {

    /** Runs the action. @throws Exception whatever the action throws */
    public void run() throws Exception {
        action.run();
    }

    @Override
    public String toString() {
        return String.format(descriptionFormat, descriptionArgs);
    }
}
