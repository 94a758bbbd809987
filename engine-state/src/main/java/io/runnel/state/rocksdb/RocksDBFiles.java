package io.runnel.state.rocksdb;

import io.runnel.state.snapshot.ByteStreamStateHandle;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File operations of the RocksDB backend's directories, native checkpoints and restores: listing, deleting a tree,
 * and putting a snapshot file back on local disk (a hard link where that is safe, else a copy).
 *
 * <p><b>Threading:</b> stateless; callable from any thread.
 */
final class RocksDBFiles {

    /** The suffix of RocksDB's immutable table files, the only files a checkpoint may share. */
    static final String SST_SUFFIX = ".sst";

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBFiles.class);

    private RocksDBFiles() {
    }

    /** @return true for an SST file name: immutable once written, so shareable between checkpoints and linkable */
    static boolean isSstFile(String fileName) {
        return fileName.endsWith(SST_SUFFIX);
    }

    /**
     * @return the regular files directly in {@code directory}, sorted by name (so uploads and tests see one order)
     * @throws IOException if the directory cannot be listed
     */
    static List<Path> listFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> out = new ArrayList<>();
            files.filter(Files::isRegularFile).sorted().forEach(out::add);
            return out;
        }
    }

    /**
     * Writes the bytes of a snapshot file to {@code target} (which must not exist). A {@link FileStateHandle} of an
     * SST file is hard-linked when the file system allows it: RocksDB never changes an SST file in place and only
     * unlinks it, so the working database and checkpoint storage can share the bytes. Other files (MANIFEST,
     * CURRENT, OPTIONS) are copied, because RocksDB may append to or rewrite them.
     *
     * @param fileName the file's name inside the database directory, for errors and the link decision
     * @throws IOException naming the snapshot file if it is missing or cannot be read or written
     */
    static void restoreFile(StreamStateHandle handle, String fileName, Path target) throws IOException {
        if (handle instanceof FileStateHandle file) {
            if (!Files.isRegularFile(file.path())) {
                throw new FileNotFoundException("Snapshot file " + file.path() + " (RocksDB file " + fileName
                        + ") is missing");
            }
            if (isSstFile(fileName) && tryLink(file.path(), target)) {
                return;
            }
            Files.copy(file.path(), target);
            return;
        }
        if (handle instanceof ByteStreamStateHandle bytes) {
            Files.write(target, bytes.data());
            return;
        }
        try (InputStream in = handle.openInputStream()) {
            Files.copy(in, target);
        }
    }

    /** @return true if {@code target} is now a hard link of {@code source}; false where links are not possible */
    private static boolean tryLink(Path source, Path target) {
        try {
            Files.createLink(target, source);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            // Another file system or device (checkpoint storage on a mount): copying is the fallback.
            LOG.debug("Cannot hard-link {} to {}, copying instead: {}", source, target, e.toString());
            return false;
        }
    }

    /** Deletes {@code root} and everything below it; logs (does not throw) if that fails. Absent roots are fine. */
    static void deleteQuietly(Path root) {
        try {
            deleteRecursively(root);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete the RocksDB directory {}", root, e);
        }
    }

    /** Deletes {@code root} and everything below it; an absent root is fine. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
