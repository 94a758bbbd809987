package io.runnel.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint or savepoint to start a job from: a {@code _metadata} file, a savepoint or checkpoint
 * directory holding one, or a job's checkpoint root ({@code <dir>/<job id>}), whose newest readable checkpoint is
 * taken ("latest"); a corrupt newest one falls back to the previous one with a warning.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class CheckpointRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRestorer.class);

    private CheckpointRestorer() {
    }

    /**
     * @param location a path or {@code file://} URI
     * @return the checkpoint
     * @throws IOException naming the file when nothing there can be restored: missing, corrupt, or of an unknown
     *     format version
     */
    public static CompletedCheckpoint resolve(String location) throws IOException {
        Path path = CheckpointStorageLocations.toPath(location, "savepoint path").toAbsolutePath();
        if (Files.isRegularFile(path)) {
            return CheckpointMetadataIO.read(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("No savepoint or checkpoint at " + path + ": it does not exist");
        }
        Path metadata = path.resolve(CheckpointStorageLocations.METADATA_FILE);
        if (Files.exists(metadata)) {
            return CheckpointMetadataIO.read(metadata);
        }
        List<Path> checkpoints = checkpointDirectories(path);
        if (checkpoints.isEmpty()) {
            throw new IOException("No savepoint or checkpoint at " + path + ": no " + metadata.getFileName()
                    + " file and no " + CheckpointStorageLocations.CHECKPOINT_DIR_PREFIX + "<n> directories");
        }
        IOException last = null;
        for (Path dir : checkpoints) {
            try {
                return CheckpointMetadataIO.read(dir.resolve(CheckpointStorageLocations.METADATA_FILE));
            } catch (IOException e) {
                LOG.warn("Skipping checkpoint {}: {}; trying the previous one", dir, e.getMessage());
                last = e;
            }
        }
        throw new IOException("No readable checkpoint in " + path + "; the last error: " + last.getMessage(), last);
    }

    /** @return the {@code chk-<n>} directories under a job root, newest first */
    private static List<Path> checkpointDirectories(Path root) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().matches(CheckpointStorageLocations.CHECKPOINT_DIR_PREFIX
                            + "\\d+"))
                    .forEach(dirs::add);
        }
        dirs.sort(Comparator.comparingLong(CheckpointRestorer::idOf).reversed());
        return dirs;
    }

    private static long idOf(Path dir) {
        return Long.parseLong(dir.getFileName().toString()
                .substring(CheckpointStorageLocations.CHECKPOINT_DIR_PREFIX.length()));
    }

    /**
     * Checks that a retained checkpoint is still readable, by reading its metadata file again.
     *
     * @return true if it is
     */
    public static boolean isReadable(CompletedCheckpoint checkpoint) {
        try {
            CheckpointMetadataIO.read(checkpoint.metadataFile());
            return true;
        } catch (IOException e) {
            LOG.warn("Checkpoint {} cannot be restored: {}", checkpoint.checkpointId(), e.getMessage());
            return false;
        }
    }
}
