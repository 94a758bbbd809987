package io.runnel.cli.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;

/**
 * A job program ready to run: the {@code main} method of a job jar's main class or of a bundled example, and the
 * class loader its code comes from.
 *
 * <p><b>Lifecycle:</b> {@link #close()} closes the jar's class loader (not the CLI's own); call it after the main
 * method has returned and its jobs have ended.
 *
 * <p><b>Threading:</b> immutable; closed by the thread that ran it.
 *
 * @param description what is run, for messages, e.g. {@code com.example.Job in job.jar}
 * @param mainClassName the main class's name
 * @param main the public static {@code main(String[])} method
 * @param classLoader the loader of the job's classes; the thread context class loader while main runs
 * @param ownedLoader the jar's loader, closed by {@link #close()}; null for a bundled example
 */
record JobProgram(String description, String mainClassName, Method main, ClassLoader classLoader,
                  URLClassLoader ownedLoader) implements AutoCloseable {

    @Override
    public void close() {
        if (ownedLoader == null) {
            return;
        }
        try {
            ownedLoader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the class loader of " + description, e);
        }
    }
}
