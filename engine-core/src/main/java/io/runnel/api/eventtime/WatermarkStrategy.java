package io.runnel.api.eventtime;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event time: a {@link TimestampAssigner} and a {@link WatermarkGenerator}, built per parallel
 * instance from this serializable recipe. Follows Flink's {@code WatermarkStrategy} (FLIP-126):
 * <pre>{@code
 * WatermarkStrategy.<Flight>forBoundedOutOfOrderness(Duration.ofMinutes(10))
 *         .withTimestampAssigner((flight, ts) -> flight.epochMillis())
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p><b>Threading:</b> immutable recipe; the created objects are used on the task thread only.
 *
 * @param <T> the record type
 */
@Public
public interface WatermarkStrategy<T> extends WatermarkGeneratorSupplier<T> {

    /** @return the timestamp assigner; by default the timestamp records already carry (e.g. from the source) */
    default TimestampAssigner<T> createTimestampAssigner() {
        return (element, recordTimestamp) -> recordTimestamp;
    }

    /** @return this strategy with timestamps read by {@code assigner} */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator() {
                return base.createWatermarkGenerator();
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return assigner;
            }
        };
    }

    /** @return this strategy, marking the output idle after {@code idleTimeout} without records */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator() {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner() {
                return base.createTimestampAssigner();
            }
        };
    }

    /** @return watermarks equal to the largest timestamp seen minus 1 ms: for timestamps that never go back */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return () -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);
    }

    /**
     * @param maxOutOfOrderness how far a record may lag the newest one seen and still be on time
     * @return periodic watermarks trailing the largest timestamp seen by {@code maxOutOfOrderness}
     */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return () -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** @return a strategy with a custom generator */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return supplier::createWatermarkGenerator;
    }

    /** @return a strategy that emits no watermarks (only the final one at the end of a bounded input) */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return () -> new NoWatermarksGenerator<>();
    }

    /** Emits nothing. */
    final class NoWatermarksGenerator<T> implements WatermarkGenerator<T>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            // No watermarks by design.
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // No watermarks by design.
        }
    }
}
