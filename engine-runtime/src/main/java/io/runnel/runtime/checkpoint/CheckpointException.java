package io.runnel.runtime.checkpoint;

/** A checkpoint could not be taken, completed or restored; the message says which and why. */
public final class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
