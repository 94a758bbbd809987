package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.runtime.checkpoint.CheckpointStorageLocations;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converters of {@code runnel run}'s option values. A value that does not convert throws
 * {@link TypeConversionException} whose message quotes the value and says what is expected; picocli puts the
 * option's name in front, e.g. {@code Invalid value for option '--checkpoint-interval': 'soon' is not a
 * duration ...}, and the CLI reports it as a usage error (exit code 2).
 *
 * <p><b>Threading:</b> stateless.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    /** A duration such as {@code 500ms}, {@code 1s}, {@code 2min}, {@code 1h}; a bare number is milliseconds. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = Configuration.parseDuration(value.trim());
            } catch (RuntimeException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; use a whole number and a "
                        + "unit: ms, s, min or h, e.g. 500ms, 1s, 2min");
            }
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative");
            }
            return duration;
        }
    }

    /** {@code exactly-once} or {@code at-least-once} (also in the enum's spelling, any case). */
    static final class CheckpointingModeConverter implements ITypeConverter<CheckpointingMode> {
        @Override
        public CheckpointingMode convert(String value) {
            try {
                return CheckpointingMode.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a checkpointing mode; use exactly-once "
                        + "or at-least-once");
            }
        }
    }

    /** {@code heap} or {@code rocksdb}, converted to the value of the {@code state.backend} key. */
    static final class StateBackendConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "heap":
                case "hashmap":
                    return "hashmap";
                case "rocksdb":
                    return "rocksdb";
                default:
                    throw new TypeConversionException("'" + value + "' is not a state backend; use heap or rocksdb");
            }
        }
    }

    /** A path or {@code file://} URI, converted to an absolute path. */
    static final class LocationConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("the path is empty");
            }
            try {
                return CheckpointStorageLocations.toPath(value, value).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new TypeConversionException("'" + value + "' is not a valid path (" + e.getReason() + ")");
            } catch (IllegalArgumentException | FileSystemNotFoundException e) {
                // A URI of another scheme than file, or a malformed one.
                throw new TypeConversionException("'" + value + "' is neither a path nor a file:// URI");
            }
        }
    }
}
