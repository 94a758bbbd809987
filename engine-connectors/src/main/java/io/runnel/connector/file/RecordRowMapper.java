package io.runnel.connector.file;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;

/**
 * Maps CSV fields positionally to the components of a Java record, parsing each by its component's type (see
 * {@link CsvFieldParsers}).
 *
 * <p><b>Contract:</b> a line must have exactly as many fields as the record has components; a wrong count, a
 * field that does not parse, or an exception from the record's constructor makes the line malformed, with a
 * reason such as {@code expected 5 fields, got 3} or {@code field 2 (distance): cannot parse "x" as int}. A
 * constructor that cannot be called at all throws {@link IllegalStateException}: a programming error, which
 * {@link CsvLineParser} lets fail the task.
 *
 * <p><b>Threading:</b> one instance per reader, used by its fetcher thread only; the reflective parts are
 * transient and built on first use after deserialization.
 *
 * @param <T> the record type
 */
final class RecordRowMapper<T> implements CsvRowMapper<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private transient Constructor<T> constructor;
    private transient RecordComponent[] components;
    private transient Function<String, Object>[] parsers;

    private RecordRowMapper(Class<T> recordClass) {
        this.recordClass = recordClass;
    }

    /**
     * @throws IllegalArgumentException if the class is not a record or has a component of an unsupported type
     */
    static <T> RecordRowMapper<T> of(Class<T> recordClass) {
        if (!recordClass.isRecord()) {
            throw new IllegalArgumentException(recordClass.getName() + " is not a record class");
        }
        RecordRowMapper<T> mapper = new RecordRowMapper<>(recordClass);
        mapper.initialize();
        return mapper;
    }

    @Override
    public T map(String[] fields) throws MalformedLineException {
        if (parsers == null) {
            initialize();
        }
        if (fields.length != parsers.length) {
            throw new MalformedLineException("expected " + parsers.length + " fields, got " + fields.length);
        }
        Object[] args = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            args[i] = parseField(i, fields[i]);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new MalformedLineException(recordClass.getSimpleName() + " rejected the values: "
                    + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the constructor of " + recordClass.getName(), e);
        }
    }

    private Object parseField(int index, String field) throws MalformedLineException {
        try {
            return parsers[index].apply(field);
        } catch (RuntimeException e) {
            RecordComponent c = components[index];
            throw new MalformedLineException("field " + (index + 1) + " (" + c.getName() + "): cannot parse \""
                    + field + "\" as " + c.getType().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private void initialize() {
        RecordComponent[] comps = recordClass.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Function<String, Object>[] ps = new Function[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            ps[i] = CsvFieldParsers.forType(types[i]);
            if (ps[i] == null) {
                throw new IllegalArgumentException("component " + comps[i].getName() + " of " + recordClass.getName()
                        + " has type " + types[i].getName() + "; CSV fields map to " + CsvFieldParsers.supportedTypes());
            }
        }
        try {
            Constructor<T> ctor = recordClass.getDeclaredConstructor(types);
            // Records declared inside a test or a job class are often not public.
            ctor.setAccessible(true);
            this.constructor = ctor;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("no canonical constructor in " + recordClass.getName(), e);
        }
        this.components = comps;
        this.parsers = ps;
    }
}
