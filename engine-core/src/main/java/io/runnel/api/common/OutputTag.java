package io.runnel.api.common;

import io.runnel.annotation.Public;
import io.runnel.api.typeutils.TypeInformation;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output: a second stream of type {@code T} that a process function writes with
 * {@code ctx.output(tag, value)} and a job reads with {@code getSideOutput(tag)}. Two tags are the same side output
 * when their ids are equal. Follows Flink's {@code OutputTag}.
 *
 * <p>The element type is taken from the constructor argument, or, for {@code new OutputTag<Foo>("id") {}} (an
 * anonymous subclass, as in Flink), from the subclass's type argument; otherwise values are tagged with their class.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <T> the type of the side output's elements
 */
@Public
public class OutputTag<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final TypeInformation<T> typeInfo;

    /**
     * @param id the side output's name, unique within a job
     * @throws IllegalArgumentException if the id is empty
     */
    public OutputTag(String id) {
        this(id, null);
    }

    /**
     * @param id the side output's name, unique within a job
     * @param typeInfo the element type, or null to find it from an anonymous subclass
     * @throws IllegalArgumentException if the id is empty
     */
    public OutputTag(String id, TypeInformation<T> typeInfo) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an OutputTag needs a non-empty id");
        }
        this.id = id;
        this.typeInfo = typeInfo != null ? typeInfo : typeFromSubclass();
    }

    @SuppressWarnings("unchecked")
    private TypeInformation<T> typeFromSubclass() {
        Type superType = getClass().getGenericSuperclass();
        if (getClass() != OutputTag.class && superType instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return TypeInformation.of((Class<T>) c);
        }
        return TypeInformation.generic();
    }

    /** @return the side output's name */
    public String getId() {
        return id;
    }

    /** @return the element type */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
