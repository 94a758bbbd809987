package io.runnel.bench;

import io.runnel.annotation.NotThreadSafe;
import io.runnel.api.typeutils.TypeInformation;
import java.io.Serializable;

/**
 * Defines a generated input as a pure function of a record index: the record at index {@code i} is the same
 * whichever reader produces it and wherever the index range was cut, which is what lets an {@link IndexedSource}
 * at any parallelism and a single-thread loop see exactly the same records.
 *
 * <p><b>Contract:</b> for every {@code 0 <= a <= i}, the {@code (i - a + 1)}-th {@link Cursor#next()} of
 * {@code cursorAt(a)} equals the first {@code next()} of {@code cursorAt(i)}; implementations get this by drawing
 * from {@link DrawCursor}s indexed by the record index. {@link #cursorAt} may build cached, immutable tables
 * (e.g. {@link ZipfTable#of}); it throws {@link IllegalArgumentException} for a negative index.
 *
 * <p><b>Threading:</b> immutable and serializable (shipped with the job); each cursor is owned by one thread.
 *
 * @param <T> the record type
 */
interface IndexedGenerator<T> extends Serializable {

    /**
     * @param index the index of the first record the cursor returns, {@code >= 0}
     * @return a cursor positioned at {@code index}
     */
    Cursor<T> cursorAt(long index);

    /** @return the type of the records, for the engine's serializers */
    TypeInformation<T> producedType();

    /**
     * Walks the records of consecutive indexes.
     *
     * <p><b>Threading:</b> not thread-safe; one owner thread (a reader's task thread or a loop).
     *
     * @param <T> the record type
     */
    @NotThreadSafe
    interface Cursor<T> {
        /** @return the record at the current index, then moves to the next index */
        T next();
    }
}
