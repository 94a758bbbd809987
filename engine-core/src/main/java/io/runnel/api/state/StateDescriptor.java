package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and says its type. The name is unique per operator; registering the same name
 * with another kind of state is an error.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the type of the stored values
 */
@Public
public abstract class StateDescriptor<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The kinds of keyed state. */
    public enum Kind { VALUE, LIST, MAP, REDUCING, AGGREGATING }

    private final String name;
    private final TypeInformation<T> valueType;

    protected StateDescriptor(String name, TypeInformation<T> valueType) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
    }

    public String getName() {
        return name;
    }

    /** @return the type of the stored values (list elements, map values, accumulators) */
    public TypeInformation<T> getValueType() {
        return valueType;
    }

    /** @return which kind of state this describes */
    public abstract Kind getKind();

    @Override
    public String toString() {
        return getKind() + " state '" + name + "'";
    }
}
