package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.streamrecord.StreamRecord;

/**
 * Emission to side outputs from the contexts of user functions, which cannot throw checked exceptions.
 *
 * <p><b>Threading:</b> stateless; called on the task thread.
 */
final class SideOutputs {

    private SideOutputs() {
    }

    /**
     * Emits {@code value} to the side output {@code tag} with the timestamp of {@code timestampSource}.
     *
     * @param timestampSource the record whose timestamp the value gets, or null for none
     * @throws IllegalArgumentException if the tag is null
     */
    static <X> void emit(Output<?> output, OutputTag<X> tag, X value, StreamRecord<?> timestampSource) {
        if (tag == null) {
            throw new IllegalArgumentException("the OutputTag of a side output must not be null");
        }
        StreamRecord<X> record = new StreamRecord<>(value);
        if (timestampSource != null) {
            record.copyTimestampFrom(timestampSource);
        }
        TimestampedCollector.emitSide(output, tag, record);
    }

    /**
     * Emits {@code value} to the side output {@code tag} with the timestamp {@code timestamp}.
     *
     * @param timestamp the value's event time in ms, or null for none
     * @throws IllegalArgumentException if the tag is null
     */
    static <X> void emitAt(Output<?> output, OutputTag<X> tag, X value, Long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("the OutputTag of a side output must not be null");
        }
        StreamRecord<X> record = new StreamRecord<>(value);
        TimestampedCollector.emitSide(output, tag, timestamp == null ? record : record.replace(value, timestamp));
    }
}
