package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;

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

    /** A descriptor whose values are written by {@code serializer}. */
    public ValueStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, serializer);
    }

    @Override
    public Kind getKind() {
        return Kind.VALUE;
    }
}
