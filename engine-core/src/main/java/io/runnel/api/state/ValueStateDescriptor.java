package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;

/**
 * Describes a {@link ValueState}.
 *
 * @param <T> the value type
 */
@Public
public class ValueStateDescriptor<T> extends StateDescriptor<T> {

    private static final long serialVersionUID = 1L;

    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, TypeInformation.of(type));
    }

    public ValueStateDescriptor(String name, TypeInformation<T> type) {
        super(name, type);
    }

    @Override
    public Kind getKind() {
        return Kind.VALUE;
    }
}
