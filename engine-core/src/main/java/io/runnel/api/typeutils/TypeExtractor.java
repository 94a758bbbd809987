package io.runnel.api.typeutils;

import io.runnel.annotation.Internal;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds the output type of a user function, so that streams get a specific serializer without the user saying
 * the type. Follows the idea of Flink's {@code TypeExtractor}, much reduced:
 * <ul>
 *   <li>a class implementing or extending the function type: the type argument, resolved through the class
 *       hierarchy;</li>
 *   <li>a serializable lambda or method reference: the return type of the implementing method, read from its
 *       {@link SerializedLambda};</li>
 *   <li>anything else (a type variable, {@code Object}, a lambda whose output goes through a collector): the
 *       {@linkplain TypeInformation#generic() generic} type, which is always correct but costs a type tag a value.
 *   </li>
 * </ul>
 *
 * <p><b>Threading:</b> stateless.
 */
@Internal
public final class TypeExtractor {

    private TypeExtractor() {
    }

    /**
     * @param function the user function (a class instance or a serializable lambda)
     * @param functionType the interface or abstract class it implements, e.g. {@code MapFunction.class}
     * @param typeParamIndex index of the output type among {@code functionType}'s type parameters
     * @param lambdaReturnIsOutput true when a lambda's return value is the output (map), false when the output
     *     goes to a collector (flatMap)
     * @return the output type, or the generic type when it cannot be known
     */
    public static <T> TypeInformation<T> outputType(Object function, Class<?> functionType, int typeParamIndex,
                                                    boolean lambdaReturnIsOutput) {
        Class<?> c = function.getClass();
        if (c.isSynthetic() || c.getSimpleName().contains("$$Lambda")) {
            return lambdaReturnIsOutput ? fromLambda(function) : TypeInformation.generic();
        }
        Type t = resolve(c, functionType, typeParamIndex, new HashMap<>());
        return fromType(t);
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> fromType(Type t) {
        if (t instanceof Class<?> cls) {
            return (TypeInformation<T>) TypeInformation.of(box(cls));
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return (TypeInformation<T>) TypeInformation.of(raw);
        }
        return TypeInformation.generic();
    }

    private static Type resolve(Class<?> c, Class<?> target, int index, Map<TypeVariable<?>, Type> bindings) {
        if (c == null || c == Object.class) {
            return null;
        }
        java.util.List<Type> supers = new java.util.ArrayList<>();
        if (c.getGenericSuperclass() != null) {
            supers.add(c.getGenericSuperclass());
        }
        supers.addAll(java.util.Arrays.asList(c.getGenericInterfaces()));
        for (Type s : supers) {
            Class<?> raw = s instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) s;
            if (!target.isAssignableFrom(raw)) {
                continue;
            }
            Map<TypeVariable<?>, Type> next = new HashMap<>(bindings);
            if (s instanceof ParameterizedType p) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] args = p.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) {
                    next.put(vars[i], args[i] instanceof TypeVariable<?> v && bindings.containsKey(v)
                            ? bindings.get(v) : args[i]);
                }
            }
            if (raw == target) {
                Type found = next.get(raw.getTypeParameters()[index]);
                return found;
            }
            return resolve(raw, target, index, next);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> fromLambda(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(function);
            if (!(replaced instanceof SerializedLambda lambda)) {
                return TypeInformation.generic();
            }
            ClassLoader cl = function.getClass().getClassLoader();
            if (lambda.getImplMethodKind() == MethodHandleInfo.REF_newInvokeSpecial) {
                return (TypeInformation<T>) TypeInformation.of(load(lambda.getImplClass(), cl));
            }
            String sig = lambda.getImplMethodSignature();
            String ret = sig.substring(sig.indexOf(')') + 1);
            Class<?> c = descriptorToClass(ret, cl);
            return c == null ? TypeInformation.generic() : (TypeInformation<T>) TypeInformation.of(box(c));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not a serializable lambda, or its classes are not visible: the generic type is still correct.
            return TypeInformation.generic();
        }
    }

    private static Class<?> descriptorToClass(String d, ClassLoader cl) throws ClassNotFoundException {
        switch (d.charAt(0)) {
            case 'J': return long.class;
            case 'I': return int.class;
            case 'D': return double.class;
            case 'F': return float.class;
            case 'Z': return boolean.class;
            case 'S': return short.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'L': return load(d.substring(1, d.length() - 1), cl);
            case '[': return Class.forName(d.replace('/', '.'), false, cl);
            default: return null;
        }
    }

    private static Class<?> load(String internalName, ClassLoader cl) throws ClassNotFoundException {
        return Class.forName(internalName.replace('/', '.'), false, cl);
    }

    /** @return the boxed class for a primitive class, else {@code c} */
    public static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        if (c == long.class) {
            return Long.class;
        } else if (c == int.class) {
            return Integer.class;
        } else if (c == double.class) {
            return Double.class;
        } else if (c == boolean.class) {
            return Boolean.class;
        } else if (c == float.class) {
            return Float.class;
        } else if (c == short.class) {
            return Short.class;
        } else if (c == byte.class) {
            return Byte.class;
        } else if (c == char.class) {
            return Character.class;
        }
        return Object.class;
    }
}
