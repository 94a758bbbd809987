package io.runnel.connector.file;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link FileSink} subtask does with the part files on disk when it starts: raises its part counter past
 * every part file of its index (finished, pending or in progress), so no name is reused, and deletes its stale
 * in-progress and pending files. Run after the restored transactions were committed or aborted, so every pending
 * file of a restored checkpoint is finished by then and any unfinished file left is stale.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class PartFileScan {

    private static final Logger LOG = LoggerFactory.getLogger(PartFileScan.class);

    private final Path base;
    private final int subtaskIndex;

    PartFileScan(Path base, int subtaskIndex) {
        this.base = base;
        this.subtaskIndex = subtaskIndex;
    }

    /**
     * @param context whose {@code nextPartCounter} is raised
     * @param cleanUp whether to delete this subtask's unfinished part files
     * @throws IOException if the directory cannot be walked or a file cannot be deleted
     */
    void raiseCounterAndCleanUp(FileSinkContext context, boolean cleanUp) throws IOException {
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        long[] max = {-1};
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                long counter = PartFile.counterOf(name, subtaskIndex);
                if (counter >= 0) {
                    max[0] = Math.max(max[0], counter);
                    if (PartFile.isUnfinished(name)) {
                        stale.add(file);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    // Another subtask renamed or deleted one of its own files while we walked: not ours.
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        context.nextPartCounter = Math.max(context.nextPartCounter, max[0] + 1);
        if (!cleanUp) {
            return;
        }
        for (Path file : stale) {
            LOG.info("FileSink subtask {}: deleting stale part file {}", subtaskIndex, file);
            Files.deleteIfExists(file);
        }
    }
}
