package io.runnel.connector.file;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Parsers of CSV fields by the Java type of the record component they fill.
 *
 * <p><b>Contract:</b> supported types are {@code String} (as is), {@code int}/{@code Integer},
 * {@code long}/{@code Long}, {@code double}/{@code Double}, {@code boolean}/{@code Boolean} ({@code true} or
 * {@code false}, any case), {@code LocalDate} (ISO, {@code 2024-01-31}), {@code LocalDateTime}
 * ({@code 2024-01-31 13:45:00} or ISO {@code 2024-01-31T13:45:00}, optionally with fractions of a second) and
 * enums (by constant name). Fields of other types than {@code String} are trimmed first; an empty one is null
 * for boxed and object types and malformed for primitives. A parser throws a RuntimeException for a value it
 * cannot parse.
 *
 * <p><b>Threading:</b> stateless.
 */
final class CsvFieldParsers {

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(int.class, Integer::valueOf),
            Map.entry(Integer.class, Integer::valueOf),
            Map.entry(long.class, Long::valueOf),
            Map.entry(Long.class, Long::valueOf),
            Map.entry(double.class, Double::valueOf),
            Map.entry(Double.class, Double::valueOf),
            Map.entry(boolean.class, CsvFieldParsers::parseBoolean),
            Map.entry(Boolean.class, CsvFieldParsers::parseBoolean),
            Map.entry(LocalDate.class, LocalDate::parse),
            Map.entry(LocalDateTime.class, CsvFieldParsers::parseDateTime));

    private CsvFieldParsers() {
    }

    /** @return the parser for fields of {@code type}, or null if the type is not supported */
    static Function<String, Object> forType(Class<?> type) {
        if (type == String.class) {
            return s -> s;
        }
        Function<String, Object> parser = PARSERS.get(type);
        if (parser == null && type.isEnum()) {
            parser = s -> enumConstant(type, s);
        }
        if (parser == null) {
            return null;
        }
        Function<String, Object> typed = parser;
        boolean primitive = type.isPrimitive();
        return s -> {
            String trimmed = s.strip();
            if (trimmed.isEmpty()) {
                if (primitive) {
                    throw new IllegalArgumentException("empty value");
                }
                return null;
            }
            return typed.apply(trimmed);
        };
    }

    /** @return a description of the supported types, for error messages */
    static String supportedTypes() {
        return "String, int, Integer, long, Long, double, Double, boolean, Boolean, LocalDate, LocalDateTime, enums";
    }

    private static Boolean parseBoolean(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not true or false");
    }

    private static LocalDateTime parseDateTime(String s) {
        // "yyyy-MM-dd HH:mm:ss" is ISO with a space for the 'T'; accepting both keeps one parser.
        if (s.length() > 10 && s.charAt(10) == ' ') {
            return LocalDateTime.parse(s.substring(0, 10) + 'T' + s.substring(11));
        }
        return LocalDateTime.parse(s);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }
}
