package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;

/**
 * A transaction of a {@link TwoPhaseCommitSinkFunction} with the time it began, which is what the transaction
 * timeout is measured from.
 *
 * <p><b>Threading:</b> immutable (the handle itself is the sink's).
 *
 * @param handle the sink's transaction
 * @param startTimeMillis when it began, ms since the epoch
 * @param <TXN> the transaction type
 */
@Public
public record TransactionHolder<TXN>(TXN handle, long startTimeMillis) {

    /** @return how long the transaction has been open at {@code nowMillis}, ms */
    public long elapsedMillis(long nowMillis) {
        return nowMillis - startTimeMillis;
    }
}
