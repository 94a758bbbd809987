package io.runnel.api.common;

import io.runnel.annotation.Public;

/**
 * A counter of events; the job's result reports the sum over all subtasks.
 *
 * <p><b>Threading:</b> see {@link Accumulator}.
 */
@Public
public final class LongCounter implements Accumulator<Long, Long> {

    private static final long serialVersionUID = 1L;

    private long count;

    /** Adds one. */
    public void increment() {
        count++;
    }

    /** Adds {@code delta}. */
    public void add(long delta) {
        count += delta;
    }

    @Override
    public void add(Long value) {
        count += value;
    }

    @Override
    public Long getLocalValue() {
        return count;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        count += other.getLocalValue();
    }

    @Override
    public LongCounter copy() {
        LongCounter c = new LongCounter();
        c.count = count;
        return c;
    }

    @Override
    public String toString() {
        return "LongCounter(" + count + ")";
    }
}
