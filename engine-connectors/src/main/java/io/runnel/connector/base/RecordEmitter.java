package io.runnel.connector.base;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceOutput;

/**
 * Turns one fetched record into output records and advances the position of its split.
 *
 * <p><b>Contract:</b> after {@code emitRecord(e, out, state)} returns, {@code state} must describe the position
 * just after {@code e}, because the reader snapshots split states between calls.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <E> the fetched record type
 * @param <T> the output record type
 * @param <SplitStateT> the mutable per-split state
 */
@Public
@FunctionalInterface
public interface RecordEmitter<E, T, SplitStateT> {

    /**
     * Emits the output of {@code element}, zero or more records.
     *
     * @throws Exception to fail the task
     */
    void emitRecord(E element, SourceOutput<T> output, SplitStateT splitState) throws Exception;
}
