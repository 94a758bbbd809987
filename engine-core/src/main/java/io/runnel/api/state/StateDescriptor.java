package io.runnel.api.state;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.typeutils.TypeSerializer;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and says its type. The name is unique per operator; registering the same name
 * with another kind of state is an error.
 *
 * <p><b>Threading:</b> not thread-safe while being configured ({@link #enableTimeToLive}); configure it before
 * handing it to the state backend, and treat it as immutable from then on.
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
    /** A serializer given explicitly (for types the engine cannot derive one for), or null. */
    private final TypeSerializer<T> serializer;
    /** Null while TTL is off. Set before registration by the thread that builds the descriptor. */
    private StateTtlConfig ttlConfig;

    protected StateDescriptor(String name, TypeInformation<T> valueType) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.serializer = null;
    }

    /**
     * A descriptor whose values are written by the given serializer (Flink's {@code StateDescriptor(name,
     * serializer)}): for generic types such as a sink's transaction handle.
     */
    protected StateDescriptor(String name, TypeSerializer<T> serializer) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = TypeInformation.generic();
        this.serializer = Objects.requireNonNull(serializer, "serializer");
    }

    /** @return a new serializer of the values: the explicit one (duplicated), else one for the value type */
    public TypeSerializer<T> createSerializer() {
        return serializer != null ? serializer.duplicate() : valueType.createSerializer();
    }

    public String getName() {
        return name;
    }

    /** @return the type of the stored values (list elements, map values, accumulators) */
    public TypeInformation<T> getValueType() {
        return valueType;
    }

    /**
     * Switches on time-to-live for this state, with the semantics described in {@link StateTtlConfig} (after
     * Flink's {@code StateDescriptor#enableTimeToLive}). Call it before the state is first registered; a backend
     * rejects registering the same name again with a different TTL configuration.
     *
     * @param ttlConfig the TTL configuration
     * @throws NullPointerException if {@code ttlConfig} is null
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    /** @return the TTL configuration, or null if time-to-live is off (the default) */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** @return which kind of state this describes */
    public abstract Kind getKind();

    @Override
    public String toString() {
        return getKind() + " state '" + name + "'";
    }
}
