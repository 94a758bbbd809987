package io.runnel.cli;

import java.io.IOException;
import java.nio.file.Files;
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
 * run. If its directory cannot be created, logs stay on standard error.
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
     */
    public static Optional<Path> configure(Map<String, String> environment) {
        if (System.getProperty(LOG_FILE) == null) {
            String configured = environment.get("RUNNEL_LOG_FILE");
            Path file = configured != null && !configured.isBlank() ? Paths.get(configured)
                    : Paths.get(System.getProperty("java.io.tmpdir"), "runnel-" + System.getProperty("user.name"),
                            "runnel-cli.log");
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                System.err.println("Warning: cannot create the log directory of " + file + " (" + e.getMessage()
                        + "); logging to standard error");
                return Optional.empty();
            }
            System.setProperty(LOG_FILE, file.toAbsolutePath().toString());
        }
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        return logFile();
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
