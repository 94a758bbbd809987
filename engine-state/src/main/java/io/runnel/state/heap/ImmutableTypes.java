package io.runnel.state.heap;

import io.runnel.state.VoidNamespace;
import io.runnel.state.ttl.TtlValue;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

/**
 * Recognizes state objects that cannot change, which need no copy while a snapshot reads them: strings, boxed
 * primitives, big numbers, enums, and records whose components are primitives or such types (nested up to a few
 * levels), plus {@link TtlValue}s wrapping one of these.
 *
 * <p><b>Threading:</b> thread-safe (a {@link ClassValue} caches the answer per class).
 */
final class ImmutableTypes {

    private static final int MAX_RECORD_DEPTH = 3;

    private static final Set<Class<?>> KNOWN = Set.of(String.class, Long.class, Integer.class, Short.class,
            Byte.class, Character.class, Boolean.class, Double.class, Float.class, BigInteger.class,
            BigDecimal.class, VoidNamespace.class);

    private static final ClassValue<Boolean> CACHE = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isImmutableClass(type, MAX_RECORD_DEPTH);
        }
    };

    private ImmutableTypes() {
    }

    /** @return true if {@code o} is null or of a type whose instances cannot change */
    static boolean isImmutable(Object o) {
        if (o == null) {
            return true;
        }
        if (o instanceof TtlValue<?> ttl) {
            return isImmutable(ttl.userValue());
        }
        return CACHE.get(o.getClass());
    }

    private static boolean isImmutableClass(Class<?> type, int depth) {
        if (type.isPrimitive() || KNOWN.contains(type) || Enum.class.isAssignableFrom(type)) {
            return true;
        }
        if (!type.isRecord() || depth == 0) {
            return false;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            // A non-final component type may hold a mutable subclass (enums are safe whatever their constants).
            boolean exact = t.isPrimitive() || Modifier.isFinal(t.getModifiers()) || t.isEnum();
            if (!exact || !isImmutableClass(t, depth - 1)) {
                return false;
            }
        }
        return true;
    }
}
