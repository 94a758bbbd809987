package io.runnel.connector.file;

/**
 * The mutable position of a {@link FileSplit} being read: the number of lines consumed up to the last emitted
 * record.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class FileSplitState {

    private final String splitId;
    private final String path;
    private long lineOffset;

    FileSplitState(FileSplit split) {
        this.splitId = split.splitId();
        this.path = split.path();
        this.lineOffset = split.lineOffset();
    }

    String path() {
        return path;
    }

    void setLineOffset(long lineOffset) {
        this.lineOffset = lineOffset;
    }

    FileSplit toSplit() {
        return new FileSplit(splitId, path, lineOffset);
    }
}
