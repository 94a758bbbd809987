package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * The last element on a channel: its producer has finished and will send nothing more.
 *
 * <p><b>Threading:</b> immutable singletons.
 */
@Internal
public enum EndOfPartition implements StreamElement {
    /** The input ended: consumers finish their operators (final results, end-of-input timers) and end too. */
    INSTANCE,
    /**
     * The producer stopped for a stop-with-savepoint without drain: consumers end without finishing their
     * operators, so nothing is emitted that a job resumed from the savepoint would emit again (Flink's
     * "suspend").
     */
    SUSPENDED
}
