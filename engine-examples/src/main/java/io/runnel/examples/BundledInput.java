package io.runnel.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Copies an input file bundled on the class path into a file, so that an example runs without arguments. The
 * file sources read paths, not class-path resources, hence the copy.
 *
 * <p><b>Contract:</b> the copy has a fixed path, {@code <java.io.tmpdir>/runnel-<user>/bundled/<file name>}, and
 * stays after the JVM exits, because a savepoint or checkpoint of an example records the path of the file it was
 * reading: a run resumed with {@code --from-savepoint} in another JVM reads on in the same file. An existing copy
 * is reused when its bytes are the resource's, else replaced atomically, so concurrent runs never see a partial
 * file. A missing resource is a packaging bug and throws {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> stateless; safe from any thread and from several JVMs at once.
 */
public final class BundledInput {

    private BundledInput() {
    }

    /**
     * @param resource the absolute class-path resource name, e.g. {@code /data/flights-20k.csv}
     * @return the copy of the resource, whose file name is the resource's
     * @throws IllegalStateException if the resource does not exist
     * @throws UncheckedIOException if the copy fails
     */
    public static Path extract(String resource) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        byte[] bytes;
        try (InputStream in = BundledInput.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled input " + resource + " is missing from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled input " + resource, e);
        }
        Path directory = Paths.get(System.getProperty("java.io.tmpdir"), "runnel-" + System.getProperty("user.name"),
                "bundled");
        Path file = directory.resolve(fileName);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return file;
            }
            Files.createDirectories(directory);
            Path partial = Files.createTempFile(directory, fileName, ".partial");
            try {
                Files.write(partial, bytes);
                move(partial, file);
            } finally {
                Files.deleteIfExists(partial);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy bundled input " + resource + " to " + file, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
