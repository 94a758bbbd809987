package io.runnel.cli;

/**
 * A failure that the CLI reports as one line on standard error, without a stack trace, and turns into an exit
 * code: a missing jar, a jar without a main class, a main class that runs no job.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode the process exit code, see {@link ExitCode}
     * @param message one line that tells the user what is wrong and, where possible, what to do
     */
    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }

    /** @return an exception for a usage error (exit code {@link ExitCode#USAGE}) */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }
}
