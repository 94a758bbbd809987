package io.runnel.api.windowing.triggers;

import io.runnel.api.functions.ReduceFunction;

/**
 * The reduce functions of the triggers' reducing state. Named classes rather than lambdas, so that a trigger's
 * descriptor serializes the same way in every JVM.
 *
 * <p><b>Threading:</b> stateless.
 */
final class LongReducers {

    private LongReducers() {
    }

    /** Adds counts. */
    static final class Sum implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long accumulated, Long value) {
            return accumulated + value;
        }
    }

    /** Keeps the earliest time, so that merging two windows' pending fire times keeps the one due first. */
    static final class Min implements ReduceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long reduce(Long accumulated, Long value) {
            return Math.min(accumulated, value);
        }
    }
}
