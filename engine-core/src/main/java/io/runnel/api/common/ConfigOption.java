package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.util.Objects;

/**
 * A named, typed configuration entry with a default, e.g. {@code parallelism.default}.
 *
 * <p>Supported types: {@code String}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Duration} (written
 * as {@code 100 ms}, {@code 1s}, {@code 2 min}) and {@code MemorySize} byte counts written as a number with an
 * optional unit ({@code 32kb}, {@code 64 mb}) read as {@code Long}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param key the dotted key
 * @param type the value class
 * @param defaultValue the value when unset; may be null
 * @param description one sentence for help output
 * @param <T> the value type
 */
@Public
public record ConfigOption<T>(String key, Class<T> type, T defaultValue, String description) {

    public ConfigOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
    }

    /** @return an option with the given key, type, default and description */
    public static <T> ConfigOption<T> of(String key, Class<T> type, T defaultValue, String description) {
        return new ConfigOption<>(key, type, defaultValue, description);
    }
}
