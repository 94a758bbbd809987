package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;

/**
 * Describes a {@link ListState}.
 *
 * @param <T> the element type
 */
@Public
public class ListStateDescriptor<T> extends StateDescriptor<T> {

    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, TypeInformation.of(elementType));
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementType) {
        super(name, elementType);
    }

    /** A descriptor whose elements are written by {@code serializer}. */
    public ListStateDescriptor(String name, TypeSerializer<T> serializer) {
        super(name, serializer);
    }

    @Override
    public Kind getKind() {
        return Kind.LIST;
    }
}
