package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * One element of a data stream as the engine moves it between operators and tasks: a record or one of the
 * in-band events that travel with the records.
 *
 * <p><b>Contract:</b> the hierarchy is sealed, so code that dispatches over elements handles every kind. Events
 * travel in the same channel as records, which is what keeps them ordered with respect to the records (a
 * watermark never overtakes the records before it; a checkpoint barrier separates pre- and post-checkpoint data).
 *
 * <p><b>Threading:</b> see each subtype.
 */
@Internal
public sealed interface StreamElement
        permits StreamRecord, Watermark, WatermarkStatus, CheckpointBarrier, EndOfData, EndOfPartition {
}
