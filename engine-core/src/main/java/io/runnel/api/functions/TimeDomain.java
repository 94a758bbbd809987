package io.runnel.api.functions;

import io.runnel.annotation.Public;

/** Which clock fired a timer: the watermark (event time) or the machine's clock (processing time). */
@Public
public enum TimeDomain {
    /** The timer's time was reached by the watermark. */
    EVENT_TIME,
    /** The timer's time was reached by the wall clock of the TaskManager. */
    PROCESSING_TIME
}
