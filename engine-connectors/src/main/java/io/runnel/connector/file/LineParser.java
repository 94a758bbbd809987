package io.runnel.connector.file;

import java.io.Serializable;

/**
 * Turns one text line into a record; travels with the source to the tasks.
 *
 * <p><b>Threading:</b> called by the fetcher thread only; implementations are stateless or confined to it.
 *
 * @param <T> the record type
 */
@FunctionalInterface
interface LineParser<T> extends Serializable {

    /**
     * @return the record of the line, never null
     * @throws MalformedLineException if the line cannot be parsed; its message is the reason
     */
    T parse(String line) throws MalformedLineException;
}
