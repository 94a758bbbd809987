package io.runnel.connector.file;

import io.runnel.annotation.Public;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Marks a complete bucket with an empty {@code _SUCCESS} file (the convention of Hadoop-style readers).
 *
 * <p><b>Threading:</b> immutable.
 */
@Public
public final class SuccessFileCommitPolicy implements PartitionCommitPolicy {

    private static final long serialVersionUID = 1L;

    /** The marker's file name. */
    public static final String SUCCESS_FILE = "_SUCCESS";

    @Override
    public void commit(Path bucketDirectory, String bucketId) throws IOException {
        try {
            Files.createFile(bucketDirectory.resolve(SUCCESS_FILE));
        } catch (FileAlreadyExistsException e) {
            // Committed before a restore: the marker is there already, which is all this policy promises.
        }
    }
}
