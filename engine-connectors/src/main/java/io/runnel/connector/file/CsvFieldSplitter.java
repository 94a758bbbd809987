package io.runnel.connector.file;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a CSV line into fields: separated by commas, a field may be enclosed in double quotes, inside which a
 * comma is literal and {@code ""} stands for one quote (RFC 4180, without line breaks inside fields).
 *
 * <p><b>Contract:</b> {@code n} commas outside quotes give {@code n + 1} fields (an empty line is one empty
 * field). A quote inside an unquoted field is kept literally. Malformed: a quoted field without its closing
 * quote, or a closing quote followed by anything but a comma or the end of the line.
 *
 * <p><b>Threading:</b> stateless.
 */
final class CsvFieldSplitter {

    private static final char SEPARATOR = ',';
    private static final char QUOTE = '"';

    private CsvFieldSplitter() {
    }

    /** @throws MalformedLineException if the quoting is broken; the reason names the 1-based column */
    static String[] split(String line) throws MalformedLineException {
        List<String> fields = new ArrayList<>();
        int pos = 0;
        while (true) {
            int end;
            if (pos < line.length() && line.charAt(pos) == QUOTE) {
                StringBuilder field = new StringBuilder();
                end = readQuoted(line, pos, field);
                fields.add(field.toString());
            } else {
                end = line.indexOf(SEPARATOR, pos);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(pos, end));
            }
            if (end >= line.length()) {
                return fields.toArray(new String[0]);
            }
            pos = end + 1;
        }
    }

    /**
     * Reads the quoted field that starts at {@code start} into {@code field}.
     *
     * @return the index just after the closing quote: the separator or the line's end
     */
    private static int readQuoted(String line, int start, StringBuilder field) throws MalformedLineException {
        int pos = start + 1;
        while (pos < line.length()) {
            char c = line.charAt(pos);
            if (c != QUOTE) {
                field.append(c);
                pos++;
            } else if (pos + 1 < line.length() && line.charAt(pos + 1) == QUOTE) {
                field.append(QUOTE);
                pos += 2;
            } else {
                return checkAfterClosingQuote(line, pos + 1);
            }
        }
        throw new MalformedLineException("unterminated quoted field starting at column " + (start + 1));
    }

    private static int checkAfterClosingQuote(String line, int pos) throws MalformedLineException {
        if (pos < line.length() && line.charAt(pos) != SEPARATOR) {
            throw new MalformedLineException("unexpected character '" + line.charAt(pos) + "' after the closing "
                    + "quote at column " + (pos + 1));
        }
        return pos;
    }
}
