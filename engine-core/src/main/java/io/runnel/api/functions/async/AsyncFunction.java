package io.runnel.api.functions.async;

import io.runnel.annotation.Public;
import io.runnel.api.functions.Function;
import java.util.concurrent.TimeoutException;

/**
 * Looks each record up asynchronously (a database, a web service) without blocking the task: start the request in
 * {@link #asyncInvoke} and complete the {@link ResultFuture} from whatever thread the answer arrives on. Used with
 * {@link io.runnel.api.datastream.AsyncDataStream}. A function that is a {@code RichFunction} gets open and close (create clients there).
 * After Flink's {@code AsyncFunction}.
 *
 * <p><b>Threading:</b> {@link #asyncInvoke} and {@link #timeout} run on the task thread; the result future may be
 * completed from any thread.
 *
 * @param <IN> the input type
 * @param <OUT> the result type
 */
@Public
public interface AsyncFunction<IN, OUT> extends Function {

    /**
     * Starts the lookup of one record; must not block.
     *
     * @throws Exception to fail the task
     */
    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /**
     * The lookup did not complete within the timeout. The default fails the task with a {@link TimeoutException};
     * complete the future instead (e.g. with an empty result) to go on.
     *
     * @throws Exception to fail the task
     */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("async lookup of " + input + " timed out"));
    }
}
