package io.runnel.api.functions.async;

import io.runnel.annotation.Public;
import java.util.Collection;

/**
 * Where an {@link AsyncFunction} puts the results of one record's lookup. Only the first completion counts.
 *
 * <p><b>Threading:</b> thread-safe: complete it from any thread.
 *
 * @param <OUT> the result type
 */
@Public
public interface ResultFuture<OUT> {

    /** Completes the lookup with zero or more results (emitted with the input record's timestamp). */
    void complete(Collection<OUT> results);

    /** Fails the lookup; the task fails with {@code error} as its cause. */
    void completeExceptionally(Throwable error);
}
