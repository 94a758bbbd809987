package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.IOException;

/**
 * A line of a CSV file could not be mapped to a record; fails the job unless the source skips malformed lines.
 * The message names the file, the 1-based line number, the reason and the line, e.g.
 * {@code Malformed CSV line in /x/flights.csv at line 17: expected 5 fields, got 3: "2001-01-01,12"}.
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class MalformedCsvLineException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Longer lines are cut in the message, so that one bad line cannot flood the logs. */
    private static final int MAX_QUOTED_LINE_CHARS = 200;

    private final String path;
    private final long lineNumber;
    private final String reason;

    /**
     * @param path the file
     * @param lineNumber the 1-based line number
     * @param reason why the line is malformed
     * @param line the line's text
     */
    public MalformedCsvLineException(String path, long lineNumber, String reason, String line) {
        super(describe(path, lineNumber, reason, line));
        this.path = path;
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    /** @return the message text for a malformed line (also used to log skipped lines) */
    static String describe(String path, long lineNumber, String reason, String line) {
        String quoted = line.length() <= MAX_QUOTED_LINE_CHARS ? line
                : line.substring(0, MAX_QUOTED_LINE_CHARS) + "...";
        return "Malformed CSV line in " + path + " at line " + lineNumber + ": " + reason + ": \"" + quoted + "\"";
    }

    /** @return the path of the file */
    public String getPath() {
        return path;
    }

    /** @return the 1-based line number */
    public long getLineNumber() {
        return lineNumber;
    }

    /** @return why the line is malformed */
    public String getReason() {
        return reason;
    }
}
