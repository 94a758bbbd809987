package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * An incremental aggregation with an accumulator, after Flink's interface of the same name: values are
 * {@link #add added} to an accumulator, accumulators can be {@link #merge merged}, and
 * {@link #getResult(Object)} turns one into the output.
 *
 * @param <IN> the input type
 * @param <ACC> the accumulator type (kept in state)
 * @param <OUT> the result type
 */
@Public
public interface AggregateFunction<IN, ACC, OUT> extends Function {

    /** @return a new, empty accumulator */
    ACC createAccumulator();

    /** @return the accumulator after adding {@code value}; may be {@code accumulator} itself */
    ACC add(IN value, ACC accumulator);

    /** @return the result for the accumulator */
    OUT getResult(ACC accumulator);

    /** @return an accumulator holding both; may be one of the two */
    ACC merge(ACC a, ACC b);
}
