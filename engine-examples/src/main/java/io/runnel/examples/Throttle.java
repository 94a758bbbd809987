package io.runnel.examples;

import io.runnel.api.functions.RichFilterFunction;

/**
 * Lets every value through, but no faster than a given rate: a bounded example reads its 20,000 flights in well
 * under a second, too quick to watch checkpoints being taken or to stop the job with a savepoint before it ends.
 * Put it right after the source, where it is chained, so that it paces the reading itself.
 *
 * <p><b>Contract:</b> the rate is for the whole job; each of the {@code n} parallel subtasks lets through at most
 * {@code perSecond / n} values per second, counted from its first value. It sleeps on the task thread, in steps
 * of at least a millisecond, so checkpoint barriers still pass between values.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <T> the value type
 */
public final class Throttle<T> extends RichFilterFunction<T> {

    private static final long serialVersionUID = 1L;

    private static final long MIN_SLEEP_NANOS = 1_000_000;

    private final int perSecond;
    private transient double nanosPerValue;
    private transient long firstValueNanos;
    private transient long count;

    /**
     * @param perSecond how many values the job lets through per second, at least 1
     * @throws IllegalArgumentException if {@code perSecond} is below 1
     */
    public Throttle(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second, got " + perSecond);
        }
        this.perSecond = perSecond;
    }

    @Override
    public void open() {
        nanosPerValue = 1e9 * getRuntimeContext().getNumberOfParallelSubtasks() / perSecond;
        count = 0;
    }

    @Override
    public boolean filter(T value) throws InterruptedException {
        long now = System.nanoTime();
        if (count == 0) {
            firstValueNanos = now;
        }
        count++;
        long aheadNanos = firstValueNanos + (long) (count * nanosPerValue) - now;
        if (aheadNanos >= MIN_SLEEP_NANOS) {
            Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
        }
        return true;
    }
}
