package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a job. Allowed transitions (after Flink's job status):
 * <pre>
 *   CREATED -> RUNNING -> FINISHED
 *                 |  \--> FAILING ----> FAILED
 *                 |            \------> RESTARTING -> RUNNING
 *                 \-----> CANCELLING -> CANCELED
 *   FAILING and RESTARTING may also go to CANCELLING.
 * </pre>
 * FINISHED, FAILED and CANCELED are terminal.
 */
@Public
public enum JobStatus {
    CREATED,
    RUNNING,
    FAILING,
    RESTARTING,
    CANCELLING,
    FINISHED,
    FAILED,
    CANCELED;

    /** @return the statuses this one may move to */
    public Set<JobStatus> next() {
        switch (this) {
            case CREATED: return EnumSet.of(RUNNING, FAILING, CANCELLING, FAILED);
            case RUNNING: return EnumSet.of(FINISHED, FAILING, CANCELLING);
            case FAILING: return EnumSet.of(FAILED, RESTARTING, CANCELLING);
            case RESTARTING: return EnumSet.of(RUNNING, CANCELLING, FAILED);
            case CANCELLING: return EnumSet.of(CANCELED);
            default: return EnumSet.noneOf(JobStatus.class);
        }
    }

    /** @return true for FINISHED, FAILED and CANCELED */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED || this == CANCELED;
    }
}
