package io.runnel.api.connector.source;

import io.runnel.annotation.Public;

/** Whether a source ends: a bounded source's readers eventually return {@link InputStatus#END_OF_INPUT}. */
@Public
public enum Boundedness {
    BOUNDED,
    CONTINUOUS_UNBOUNDED
}
