package io.runnel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code runnel --version} from {@code version.properties}, which Maven fills in at build time; unlike the
 * jar manifest, the resource is there also when the CLI runs from {@code target/classes} (tests, IDE).
 *
 * <p><b>Threading:</b> stateless.
 */
public final class VersionProvider implements IVersionProvider {

    static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "runnel " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    /**
     * @return the Runnel version, e.g. {@code 0.1.0-SNAPSHOT}
     * @throws IllegalStateException if the resource is missing (a packaging bug)
     */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing next to " + VersionProvider.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
