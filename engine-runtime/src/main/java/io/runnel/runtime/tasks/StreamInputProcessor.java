package io.runnel.runtime.tasks;

import io.runnel.api.connector.source.InputStatus;
import java.util.concurrent.CompletableFuture;

/**
 * The input side of a {@link StreamTask}: pulls elements from a source reader or from the network and pushes
 * them into the head operator.
 *
 * <p><b>Threading:</b> task thread only, except {@link #getAvailableFuture()}'s future, completed by any thread.
 */
interface StreamInputProcessor extends AutoCloseable {

    /**
     * Processes a batch of input, returning early when a mail waits.
     *
     * @return MORE_AVAILABLE to be called again, NOTHING_AVAILABLE to wait for {@link #getAvailableFuture()},
     *     END_OF_INPUT when every input has ended its data and nothing can be read now (returned at once when the
     *     last input ends, so the task finishes its operators before it reads the barriers that follow)
     * @throws Exception from operators or the network
     */
    InputStatus processInput() throws Exception;

    /** @return a future that completes when {@link #processInput()} has something to do */
    CompletableFuture<Void> getAvailableFuture();

    @Override
    void close();

    /**
     * @return true if the input ended because its producers stopped for a stop-with-savepoint without drain: the
     *     task then ends without finishing its operators
     */
    default boolean endedBySuspend() {
        return false;
    }

    /**
     * @return true once nothing at all can arrive any more (a source: once its input ended; a network input: once
     *     every channel delivered its end of partition, after the checkpoint barriers that follow the end of data)
     */
    default boolean allChannelsClosed() {
        return true;
    }
}
