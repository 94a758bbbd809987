package io.runnel.connector.file;

/**
 * One line as the fetcher thread hands it over: the parsed value, or why the line is malformed.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param value the parsed value; null iff the line is malformed
 * @param lineNumber the line's 1-based number in its file
 * @param malformedReason why the line could not be parsed; null iff it could
 * @param line the raw line if it is malformed (for the error message), else null so it is not retained
 * @param <T> the value type
 */
record FileRecord<T>(T value, long lineNumber, String malformedReason, String line) {

    static <T> FileRecord<T> parsed(T value, long lineNumber) {
        return new FileRecord<>(value, lineNumber, null, null);
    }

    static <T> FileRecord<T> malformed(long lineNumber, String reason, String line) {
        return new FileRecord<>(null, lineNumber, reason, line);
    }

    boolean isMalformed() {
        return malformedReason != null;
    }
}
