package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;

/**
 * Describes a {@link MapState}.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
@Public
public class MapStateDescriptor<UK, UV> extends StateDescriptor<UV> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyType;

    public MapStateDescriptor(String name, Class<UK> keyType, Class<UV> valueType) {
        this(name, TypeInformation.of(keyType), TypeInformation.of(valueType));
    }

    public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
        super(name, valueType);
        this.keyType = keyType;
    }

    /** @return the type of the map's keys */
    public TypeInformation<UK> getKeyType() {
        return keyType;
    }

    @Override
    public Kind getKind() {
        return Kind.MAP;
    }
}
