package io.runnel.api.functions;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * The root of all user functions. Functions are {@link Serializable}: the engine ships a copy of each function to
 * every parallel subtask (and, in cluster mode, to other processes), so a function's fields must be serializable
 * and a lambda may only capture serializable values. The check runs when the job is built, and names the function.
 */
@Public
public interface Function extends Serializable {
}
