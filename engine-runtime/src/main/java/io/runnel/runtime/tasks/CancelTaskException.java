package io.runnel.runtime.tasks;

/**
 * Thrown inside a task that is being cancelled, to unwind its thread. The task then ends CANCELED, not FAILED.
 */
public final class CancelTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelTaskException(String message) {
        super(message);
    }
}
