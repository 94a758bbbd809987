package io.runnel.api.state;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.util.Map;

/**
 * A state backend as a job chooses it with {@code env.setStateBackend(...)}: the heap or RocksDB backend of
 * {@code engine-state} and their settings, expressed as the configuration keys that select and configure it, so
 * a job's choice travels with its configuration (as {@code state.backend} and friends do in Flink).
 *
 * <p><b>Threading:</b> implementations are immutable.
 */
@Public
public interface StateBackendSettings extends Serializable {

    /** @return the configuration keys and values that select and configure this backend */
    Map<String, String> toConfiguration();
}
