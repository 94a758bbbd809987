package io.runnel.api.typeutils;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

/**
 * Fast access to a record's components and canonical constructor for {@link RecordSerializer}: generated
 * lambdas ({@link LambdaMetafactory}, as {@code javac} does for method references) instead of method handles
 * invoked through a field, which the JIT cannot inline and which box every primitive through a generic adapter.
 * Falls back to method handles when a lambda cannot be spun for the class (e.g. a lookup without full privilege
 * across class loaders).
 *
 * <p><b>Threading:</b> immutable after construction; thread-safe.
 */
final class RecordAccess {

    /** Builds a record from its component values in declaration order. */
    interface Constructor {
        Object create(Object[] args) throws Throwable;
    }

    /** Constructors of arity 1 to 6, as functional interfaces the metafactory can implement. */
    interface C1 {
        Object make(Object a);
    }

    interface C2 {
        Object make(Object a, Object b);
    }

    interface C3 {
        Object make(Object a, Object b, Object c);
    }

    interface C4 {
        Object make(Object a, Object b, Object c, Object d);
    }

    interface C5 {
        Object make(Object a, Object b, Object c, Object d, Object e);
    }

    interface C6 {
        Object make(Object a, Object b, Object c, Object d, Object e, Object f);
    }

    private static final Class<?>[] CONSTRUCTOR_INTERFACES = {C1.class, C2.class, C3.class, C4.class, C5.class,
        C6.class};

    final Function<Object, Object>[] accessors;
    final Constructor constructor;
    /** Whether every accessor and the constructor are generated lambdas (no method-handle fallback). */
    final boolean generated;

    @SuppressWarnings("unchecked")
    RecordAccess(Class<?> recordClass) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(recordClass, MethodHandles.lookup());
        RecordComponent[] components = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        accessors = new Function[components.length];
        boolean allSpun = true;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            MethodHandle getter = lookup.unreflect(components[i].getAccessor());
            Function<Object, Object> spun = spinAccessor(lookup, getter);
            allSpun &= spun != null;
            accessors[i] = spun != null ? spun : fallbackAccessor(getter);
        }
        MethodHandle ctor = lookup.findConstructor(recordClass, MethodType.methodType(void.class, types));
        Constructor spunConstructor = types.length >= 1 && types.length <= CONSTRUCTOR_INTERFACES.length
                ? spin(lookup, ctor, types.length) : null;
        constructor = spunConstructor != null ? spunConstructor : fallbackConstructor(ctor, types.length);
        generated = allSpun && spunConstructor != null;
    }

    /** @return a generated accessor lambda, or null when the metafactory refuses (the caller falls back) */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> spinAccessor(MethodHandles.Lookup lookup, MethodHandle getter) {
        try {
            CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                    MethodType.methodType(Object.class, Object.class), getter, getter.type().wrap());
            return (Function<Object, Object>) site.getTarget().invoke();
        } catch (Throwable notSpun) {
            return null;
        }
    }

    private static Function<Object, Object> fallbackAccessor(MethodHandle getter) {
        MethodHandle generic = getter.asType(MethodType.methodType(Object.class, Object.class));
        return value -> invoke(generic, value);
    }

    private static Object invoke(MethodHandle handle, Object value) {
        try {
            return handle.invokeExact(value);
        } catch (Throwable t) {
            throw new IllegalStateException("Reading a record component failed", t);
        }
    }

    private static Constructor fallbackConstructor(MethodHandle ctor, int arity) {
        MethodHandle spread = ctor.asType(ctor.type().generic()).asSpreader(Object[].class, arity);
        return args -> spread.invokeExact(args);
    }

    /** @return a generated constructor lambda, or null when the metafactory refuses (the caller falls back) */
    private static Constructor spin(MethodHandles.Lookup lookup, MethodHandle ctor, int arity) {
        try {
            Class<?> iface = CONSTRUCTOR_INTERFACES[arity - 1];
            MethodType erased = MethodType.genericMethodType(arity);
            MethodType instantiated = ctor.type().wrap().changeReturnType(ctor.type().returnType());
            CallSite site = LambdaMetafactory.metafactory(lookup, "make", MethodType.methodType(iface), erased,
                    ctor, instantiated);
            return adapt(site.getTarget().invoke(), arity);
        } catch (Throwable notSpun) {
            return null;
        }
    }

    private static Constructor adapt(Object made, int arity) {
        return switch (arity) {
            case 1 -> args -> ((C1) made).make(args[0]);
            case 2 -> args -> ((C2) made).make(args[0], args[1]);
            case 3 -> args -> ((C3) made).make(args[0], args[1], args[2]);
            case 4 -> args -> ((C4) made).make(args[0], args[1], args[2], args[3]);
            case 5 -> args -> ((C5) made).make(args[0], args[1], args[2], args[3], args[4]);
            default -> args -> ((C6) made).make(args[0], args[1], args[2], args[3], args[4], args[5]);
        };
    }
}
