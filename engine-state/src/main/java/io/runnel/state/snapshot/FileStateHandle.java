package io.runnel.state.snapshot;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Snapshot bytes in one file of checkpoint storage.
 *
 * <p><b>Threading:</b> immutable; Java-serializable through {@link SerializedForm}, as {@link Path} is not.
 *
 * @param path absolute path of the file (the metadata stores it relative to the metadata's directory)
 * @param stateSize length of the file in bytes
 */
public record FileStateHandle(Path path, long stateSize) implements StreamStateHandle {

    @Override
    public InputStream openInputStream() throws IOException {
        try {
            return new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        } catch (NoSuchFileException e) {
            FileNotFoundException missing = new FileNotFoundException("Snapshot file " + path + " is missing");
            missing.initCause(e);
            throw missing;
        }
    }

    @Override
    public void discardState() throws IOException {
        Files.deleteIfExists(path);
    }

    private Object writeReplace() {
        return new SerializedForm(path.toString(), stateSize);
    }

    /** What Java serialization writes for a handle: the path as a string. */
    private record SerializedForm(String path, long stateSize) implements Serializable {
        private Object readResolve() {
            return new FileStateHandle(Path.of(path), stateSize);
        }
    }
}
