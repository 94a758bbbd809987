package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Key-value configuration, read through typed {@link ConfigOption}s. Values are stored as strings so that the
 * same object can come from a file, the command line ({@code -Dkey=value}) or code.
 *
 * <p><b>Contract:</b> a value that does not parse as the option's type throws {@link IllegalArgumentException}
 * naming the key and the value.
 *
 * <p><b>Threading:</b> not thread-safe; build it on one thread, then hand it over (the engine copies it).
 */
@Public
public final class Configuration implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, String> values = new TreeMap<>();

    /** Creates an empty configuration. */
    public Configuration() {
    }

    /** Creates a copy of {@code other}. */
    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    /** @return a configuration holding the given raw key-value pairs */
    public static Configuration fromMap(Map<String, String> map) {
        Configuration c = new Configuration();
        c.values.putAll(map);
        return c;
    }

    /** Sets a raw value. @return this */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    /** Sets a typed value. @return this */
    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), value instanceof Duration d ? d.toMillis() + " ms" : String.valueOf(value));
        return this;
    }

    /** @return true if the key has a value */
    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    /** @return an unmodifiable view of the raw values */
    public Map<String, String> toMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /**
     * @return the option's value, or its default when unset
     * @throws IllegalArgumentException if the stored value does not parse as the option's type
     */
    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        if (raw == null) {
            return option.defaultValue();
        }
        try {
            return option.type().cast(parse(raw.trim(), option.type()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Config key '" + option.key() + "': cannot read '" + raw + "' as "
                    + option.type().getSimpleName() + " (" + e.getMessage() + ")", e);
        }
    }

    private static Object parse(String raw, Class<?> type) {
        if (type == String.class) {
            return raw;
        } else if (type == Integer.class) {
            return Integer.parseInt(raw);
        } else if (type == Long.class) {
            return parseBytesOrLong(raw);
        } else if (type == Boolean.class) {
            if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(raw);
        } else if (type == Duration.class) {
            return parseDuration(raw);
        }
        throw new IllegalArgumentException("unsupported option type " + type.getName());
    }

    /** Parses {@code 100}, {@code 100 ms}, {@code 2s}, {@code 3 min}, {@code 1h}; a bare number is ms. */
    public static Duration parseDuration(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace(" ", "");
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        long n = Long.parseLong(s.substring(0, i));
        switch (s.substring(i)) {
            case "": case "ms": return Duration.ofMillis(n);
            case "s": case "sec": return Duration.ofSeconds(n);
            case "min": case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: throw new IllegalArgumentException("unknown time unit '" + s.substring(i) + "'");
        }
    }

    private static long parseBytesOrLong(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replace(" ", "");
        long factor = 1;
        if (s.endsWith("kb") || s.endsWith("k")) {
            factor = 1024;
        } else if (s.endsWith("mb") || s.endsWith("m")) {
            factor = 1024 * 1024;
        } else if (s.endsWith("gb") || s.endsWith("g")) {
            factor = 1024L * 1024 * 1024;
        }
        String digits = s.replaceAll("[a-z]+$", "");
        return Long.parseLong(digits) * factor;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
