package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Turns a record into one line of text for {@link LineFileSink} and {@link FileSink}.
 *
 * <p><b>Contract:</b> the result must not contain a line break (it would split the record over two lines).
 *
 * <p><b>Threading:</b> called by one sink writer's task thread; one instance per writer (deserialized with the
 * sink).
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface LineEncoder<T> extends Serializable {

    /** @return the line for {@code value}, without a line terminator */
    String encode(T value);
}
