package io.runnel.connector.file;

import java.nio.file.Path;

/**
 * One part file of a {@link FileSink}: where it lives and what its names are in each stage.
 *
 * <pre>
 *   .part-&lt;subtask&gt;-&lt;counter&gt;.inprogress
 *       --pre-commit or roll (flush, fsync, rename)--&gt;  .part-&lt;subtask&gt;-&lt;counter&gt;.pending
 *       --commit (atomic rename)--&gt;                      part-&lt;subtask&gt;-&lt;counter&gt;
 * </pre>
 * Hidden names (leading dot) keep readers that skip such files from seeing unfinished output.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param bucketId the bucket (relative directory under the sink's base)
 * @param subtaskIndex the subtask that wrote it
 * @param counter that subtask's part counter when it was opened (never reused across restores)
 * @param bucketEndMillis the bucket's time range end, ms, or {@code Long.MAX_VALUE}
 */
record PartFile(String bucketId, int subtaskIndex, long counter, long bucketEndMillis) {

    static final String FINISHED_PREFIX = "part-";
    static final String IN_PROGRESS_SUFFIX = ".inprogress";
    static final String PENDING_SUFFIX = ".pending";

    /** @return the file name once finished */
    String finishedName() {
        return FINISHED_PREFIX + subtaskIndex + "-" + counter;
    }

    Path finished(Path base) {
        return base.resolve(bucketId).resolve(finishedName());
    }

    Path inProgress(Path base) {
        return base.resolve(bucketId).resolve("." + finishedName() + IN_PROGRESS_SUFFIX);
    }

    Path pending(Path base) {
        return base.resolve(bucketId).resolve("." + finishedName() + PENDING_SUFFIX);
    }

    /**
     * @param fileName a file name found in a bucket
     * @param subtaskIndex the subtask whose files are of interest
     * @return the part counter if the name is a part file (in any stage) of that subtask, else -1
     */
    static long counterOf(String fileName, int subtaskIndex) {
        String name = fileName;
        if (name.startsWith(".")) {
            if (name.endsWith(IN_PROGRESS_SUFFIX)) {
                name = name.substring(1, name.length() - IN_PROGRESS_SUFFIX.length());
            } else if (name.endsWith(PENDING_SUFFIX)) {
                name = name.substring(1, name.length() - PENDING_SUFFIX.length());
            } else {
                return -1;
            }
        }
        String prefix = FINISHED_PREFIX + subtaskIndex + "-";
        if (!name.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return whether the name is an unfinished (in-progress or pending) part file */
    static boolean isUnfinished(String fileName) {
        return fileName.startsWith(".") && (fileName.endsWith(IN_PROGRESS_SUFFIX) || fileName.endsWith(PENDING_SUFFIX));
    }
}
