package io.runnel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

/**
 * Points slf4j-simple, the CLI's logging binding, at a log file, so that a job's engine logs and stack traces do
 * not mix with the job's own output on the terminal; the CLI prints one-line errors that name the file.
 *
 * <p><b>Contract:</b> must run before the first logger is created, because slf4j-simple reads its settings
 * once. Settings the user passed as {@code -Dorg.slf4j.simpleLogger.*} win. The file is, in this order,
 * {@code $RUNNEL_LOG_FILE} or {@code <java.io.tmpdir>/runnel-<user>/runnel-cli.log}, and is rewritten by each
 * run. A {@code RUNNEL_LOG_FILE} that is not a valid path is a usage error ({@link CliException}, exit code 2).
 * If the default is not a valid path or the directory cannot be created, logs stay on standard error.
 *
 * <p><b>Threading:</b> call from the main thread at startup.
 */
public final class LogSetup {

    static final String LOG_FILE = "org.slf4j.simpleLogger.logFile";

    private LogSetup() {
    }

    /**
     * @param environment the process environment (a parameter so tests can pass their own)
     * @return the log file now in use, or empty when logs go to a standard stream
     * @throws CliException (exit code 2) if {@code RUNNEL_LOG_FILE} is not a valid path
     */
    public static Optional<Path> configure(Map<String, String> environment) {
        if (System.getProperty(LOG_FILE) == null) {
            Optional<Path> file = chooseLogFile(environment);
            if (file.isEmpty() || !createParentDirectory(file.get())) {
                return Optional.empty();
            }
            System.setProperty(LOG_FILE, file.get().toAbsolutePath().toString());
        }
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        return logFile();
    }

    /**
     * @return {@code $RUNNEL_LOG_FILE}, else the default file; empty (after a warning) if the default is not a
     *     valid path, e.g. a user name the platform's file name encoding cannot represent
     * @throws CliException (exit code 2) if {@code RUNNEL_LOG_FILE} is not a valid path
     */
    static Optional<Path> chooseLogFile(Map<String, String> environment) {
        String configured = environment.get("RUNNEL_LOG_FILE");
        if (configured != null && !configured.isBlank()) {
            try {
                return Optional.of(Paths.get(configured));
            } catch (InvalidPathException e) {
                throw CliException.usage("RUNNEL_LOG_FILE is not a valid path (" + e.getReason() + "): "
                        + configured);
            }
        }
        try {
            return Optional.of(Paths.get(System.getProperty("java.io.tmpdir"),
                    "runnel-" + System.getProperty("user.name"), "runnel-cli.log"));
        } catch (InvalidPathException e) {
            System.err.println("Warning: the default log file is not a valid path (" + e.getMessage()
                    + "); logging to standard error");
            return Optional.empty();
        }
    }

    private static boolean createParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return true;
        } catch (IOException e) {
            System.err.println("Warning: cannot create the log directory of " + file + " (" + e.getMessage()
                    + "); logging to standard error");
            return false;
        }
    }

    /** @return the log file slf4j-simple writes to, or empty when it writes to a standard stream */
    public static Optional<Path> logFile() {
        String file = System.getProperty(LOG_FILE);
        if (file == null || file.equals("System.err") || file.equals("System.out")) {
            return Optional.empty();
        }
        return Optional.of(Paths.get(file));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
