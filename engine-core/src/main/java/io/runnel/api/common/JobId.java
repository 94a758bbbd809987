package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.util.UUID;

/**
 * Identifies one submitted job.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param id random UUID
 */
@Public
public record JobId(UUID id) {

    /** @return a new random id */
    public static JobId generate() {
        return new JobId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString().replace("-", "");
    }
}
