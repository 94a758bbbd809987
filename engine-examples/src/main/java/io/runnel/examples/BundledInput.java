package io.runnel.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies an input file bundled on the class path into a temporary file, so that an example runs without
 * arguments. The file sources read paths, not class-path resources, hence the copy.
 *
 * <p><b>Contract:</b> the copy is deleted when the JVM exits. A missing resource is a packaging bug and throws
 * {@link IllegalStateException}.
 *
 * <p><b>Threading:</b> stateless; safe from any thread.
 */
public final class BundledInput {

    private BundledInput() {
    }

    /**
     * @param resource the absolute class-path resource name, e.g. {@code /data/flights-20k.csv}
     * @return a temporary file with the resource's bytes, whose name ends like the resource's
     * @throws IllegalStateException if the resource does not exist
     * @throws UncheckedIOException if the copy fails
     */
    public static Path extract(String resource) {
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        try (InputStream in = BundledInput.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Bundled input " + resource + " is missing from the class path");
            }
            Path file = Files.createTempFile("runnel-", "-" + fileName);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy bundled input " + resource + " to a temporary file", e);
        }
    }
}
