package io.runnel.runtime.checkpoint;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobId;
import io.runnel.api.environment.CheckpointingOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The directory layout of checkpoint storage on a file system:
 *
 * <pre>
 *   &lt;state.checkpoints.dir&gt;/&lt;job id&gt;/chk-&lt;n&gt;/_metadata   checkpoint n's metadata, with its exclusive files
 *   &lt;state.checkpoints.dir&gt;/&lt;job id&gt;/shared/            files shared between checkpoints (incremental)
 *   &lt;savepoint dir&gt;/savepoint-&lt;job&gt;-&lt;random&gt;/_metadata   a savepoint: metadata and every file it needs
 * </pre>
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class CheckpointStorageLocations {

    /** The name of a checkpoint's metadata file. */
    public static final String METADATA_FILE = "_metadata";

    /** The prefix of a checkpoint's directory name. */
    public static final String CHECKPOINT_DIR_PREFIX = "chk-";

    private CheckpointStorageLocations() {
    }

    /** @return the job's checkpoint root, {@code <state.checkpoints.dir>/<job id>} */
    public static Path jobCheckpointRoot(Configuration configuration, JobId jobId) {
        String configured = configuration.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY);
        Path base = configured == null ? Path.of(System.getProperty("java.io.tmpdir"), "runnel-checkpoints")
                : toPath(configured, CheckpointingOptions.CHECKPOINTS_DIRECTORY.key());
        return base.resolve(jobId.toString()).toAbsolutePath();
    }

    /** @return the directory of checkpoint {@code id} under a job's root */
    public static Path checkpointDirectory(Path jobRoot, long id) {
        return jobRoot.resolve(CHECKPOINT_DIR_PREFIX + id);
    }

    /** @return the shared directory under a job's root */
    public static Path sharedDirectory(Path jobRoot) {
        return jobRoot.resolve("shared");
    }

    /** @return a fresh savepoint directory under {@code parent} */
    public static Path newSavepointDirectory(Path parent, JobId jobId) {
        String job = jobId.toString();
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return parent.resolve("savepoint-" + job.substring(0, Math.min(6, job.length())) + "-" + random)
                .toAbsolutePath();
    }

    /**
     * @param location a {@code file://} URI or a path
     * @param what the config key or argument it came from, for the error
     * @return the path
     * @throws IllegalArgumentException naming {@code what} for a URI scheme other than {@code file}
     */
    public static Path toPath(String location, String what) {
        if (location.contains("://")) {
            URI uri = URI.create(location);
            if (!"file".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException(what + ": only file:// locations are supported, got '" + location
                        + "'");
            }
            return Path.of(uri);
        }
        return Path.of(location);
    }
}
