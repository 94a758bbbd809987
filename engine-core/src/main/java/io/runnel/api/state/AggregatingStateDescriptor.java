package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.typeutils.TypeInformation;

/**
 * Describes an {@link AggregatingState}; the stored value is the accumulator.
 *
 * @param <IN> the type of added values
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
@Public
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {

    private static final long serialVersionUID = 1L;

    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> fn, Class<ACC> accType) {
        this(name, fn, TypeInformation.of(accType));
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> fn,
                                      TypeInformation<ACC> accType) {
        super(name, accType);
        this.aggregateFunction = fn;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggregateFunction;
    }

    @Override
    public Kind getKind() {
        return Kind.AGGREGATING;
    }
}
