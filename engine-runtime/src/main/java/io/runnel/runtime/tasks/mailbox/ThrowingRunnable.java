package io.runnel.runtime.tasks.mailbox;

/** An action that may throw; the body of a {@link Mail}. */
@FunctionalInterface
public interface ThrowingRunnable {

    /** Runs the action. @throws Exception to fail the task */
    void run() throws Exception;
}
