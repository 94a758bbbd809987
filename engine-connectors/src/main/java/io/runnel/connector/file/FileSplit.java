package io.runnel.connector.file;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;

/**
 * One file of a line-based file source, and how far it has been read.
 *
 * <p><b>Contract:</b> {@code lineOffset} is the number of lines of the file already consumed (a header line
 * counts), so a reader resumes with line {@code lineOffset + 1} (1-based) and skips no header if
 * {@code lineOffset > 0}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId unique among the source's splits
 * @param path the absolute path of the file
 * @param lineOffset lines already consumed, {@code >= 0}
 */
@Public
public record FileSplit(String splitId, String path, long lineOffset) implements SourceSplit {

    public FileSplit {
        if (lineOffset < 0) {
            throw new IllegalArgumentException("lineOffset must not be negative, got " + lineOffset);
        }
    }
}
