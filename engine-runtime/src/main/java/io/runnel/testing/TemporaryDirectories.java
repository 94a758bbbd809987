package io.runnel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Checkpoint directories of harnesses whose test gave none: created under {@code java.io.tmpdir} and deleted
 * when the JVM exits, not when the harness closes, because a new harness may restore from them later in the test.
 *
 * <p><b>Threading:</b> thread-safe (a concurrent set; deletion runs on a shutdown hook).
 */
final class TemporaryDirectories {

    private static final Set<Path> CREATED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryDirectories::deleteAll, "runnel-harness-cleanup"));
    }

    private TemporaryDirectories() {
    }

    /** @return a new empty directory, deleted at JVM exit @throws IOException if it cannot be created */
    static Path create() throws IOException {
        Path dir = Files.createTempDirectory("runnel-harness-");
        CREATED.add(dir);
        return dir;
    }

    private static void deleteAll() {
        for (Path dir : CREATED) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(TemporaryDirectories::delete);
            } catch (IOException | UncheckedIOException e) {
                // Best effort at exit: a leftover temporary directory is harmless, and nobody is left to tell.
                continue;
            }
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
