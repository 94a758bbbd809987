package io.runnel.api.connector.source;

import io.runnel.annotation.Public;

/** What {@link SourceReader#pollNext} says about the reader after the call. */
@Public
public enum InputStatus {
    /** Call {@code pollNext} again right away. */
    MORE_AVAILABLE,
    /** Nothing now; wait for {@link SourceReader#isAvailable()} before calling again. */
    NOTHING_AVAILABLE,
    /** The reader has emitted everything it ever will. */
    END_OF_INPUT
}
