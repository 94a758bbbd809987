package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.typeutils.TypeInformation;

/**
 * Describes a {@link ReducingState}.
 *
 * @param <T> the value type
 */
@Public
public class ReducingStateDescriptor<T> extends StateDescriptor<T> {

    private static final long serialVersionUID = 1L;

    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        this(name, reduceFunction, TypeInformation.of(type));
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> type) {
        super(name, type);
        this.reduceFunction = reduceFunction;
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Kind getKind() {
        return Kind.REDUCING;
    }
}
