package io.runnel.api.connector.source;

import io.runnel.annotation.Public;

/**
 * Where a reader emits records: directly, or through a {@link SourceOutput} per split so that a job's
 * {@code WatermarkStrategy} generates watermarks per split and the source's watermark is the minimum over its
 * splits (FLIP-27's per-split watermarks: a split that lags does not have its records made late by another split
 * that is ahead).
 *
 * <p><b>Threading:</b> task thread only, during {@link SourceReader#pollNext}.
 *
 * @param <T> the record type
 */
@Public
public interface ReaderOutput<T> extends SourceOutput<T> {

    /**
     * @param splitId the split whose records will be emitted through the returned output
     * @return the split's output, the same one for the same id until it is released; by default this output
     */
    default SourceOutput<T> createOutputForSplit(String splitId) {
        return this;
    }

    /** Releases a split's output once the split is finished, so it no longer holds back the watermark. */
    default void releaseOutputForSplit(String splitId) {
    }
}
