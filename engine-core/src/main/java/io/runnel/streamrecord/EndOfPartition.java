package io.runnel.streamrecord;

import io.runnel.annotation.Internal;

/**
 * The last element on a channel: its producer has finished and will send nothing more.
 *
 * <p><b>Threading:</b> immutable singleton.
 */
@Internal
public enum EndOfPartition implements StreamElement {
    INSTANCE
}
