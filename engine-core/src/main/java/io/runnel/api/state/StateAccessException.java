package io.runnel.api.state;

import io.runnel.annotation.Public;

/** A state backend could not read or write state; fails the task. */
@Public
public class StateAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StateAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
