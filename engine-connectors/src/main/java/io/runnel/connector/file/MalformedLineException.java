package io.runnel.connector.file;

/**
 * Why a line could not be parsed; internal to the parsers, turned into a {@link MalformedCsvLineException}
 * (with file and line) or a skipped-line count by the emitter.
 *
 * <p>It carries no stack trace: it is expected data, thrown per bad line, and only its message is used.
 */
final class MalformedLineException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedLineException(String reason) {
        super(reason, null, false, false);
    }
}
