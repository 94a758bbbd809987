package io.runnel.streamrecord;

import io.runnel.annotation.Internal;
import io.runnel.annotation.NotThreadSafe;

/**
 * A data record: a value plus an optional event timestamp (ms since the epoch).
 *
 * <p><b>Contract:</b> unlike the other stream elements this one is mutable. Operators on the hot path reuse one
 * instance per output and call {@link #replace(Object)} for each value, as Flink does, because an allocation per
 * record and per operator costs more than the whole rest of a chained map. A downstream operator must therefore
 * not keep a reference to the {@code StreamRecord} (it may keep the value).
 *
 * <p><b>Threading:</b> confined to the task thread that owns it.
 *
 * @param <T> the type of the value
 */
@Internal
@NotThreadSafe
public final class StreamRecord<T> implements StreamElement {

    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    /** Creates a record without a timestamp. */
    public StreamRecord(T value) {
        this.value = value;
    }

    /** Creates a record with the given event timestamp in ms. */
    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    /** @return the event timestamp in ms; {@link Long#MIN_VALUE} when the record has none */
    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Replaces the value and keeps the timestamp; returns this record re-typed, for reuse down a chain. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue) {
        this.value = (T) newValue;
        return (StreamRecord<X>) this;
    }

    /** Replaces the value and the timestamp (ms). */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue, long newTimestamp) {
        this.value = (T) newValue;
        this.timestamp = newTimestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    /** Sets the event timestamp in ms. */
    public void setTimestamp(long newTimestamp) {
        this.timestamp = newTimestamp;
        this.hasTimestamp = true;
    }

    /** Removes the timestamp. */
    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    /** Copies the timestamp (or its absence) of another record. */
    public void copyTimestampFrom(StreamRecord<?> other) {
        this.timestamp = other.timestamp;
        this.hasTimestamp = other.hasTimestamp;
    }

    @Override
    public String toString() {
        return "Record(" + value + (hasTimestamp ? " @ " + timestamp : "") + ")";
    }
}
