package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * The producer's input ended and its operators finished: no record or watermark follows on this channel, but
 * checkpoint barriers still do, until {@link EndOfPartition}. Sent when checkpointing is on, so a finished task
 * can take part in one more checkpoint (its final one) before it ends; consumers finish their own operators when
 * every channel delivered it and then wait for that checkpoint too. After Flink's {@code EndOfData} (FLIP-147).
 *
 * <p><b>Threading:</b> immutable singleton.
 */
@Internal
public enum EndOfData implements StreamElement {
    INSTANCE
}
