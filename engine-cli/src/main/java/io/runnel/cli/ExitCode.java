package io.runnel.cli;

/**
 * The exit codes of the {@code runnel} command.
 *
 * <p><b>Threading:</b> constants only.
 */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** A job (or the job's main method) failed while running. */
    public static final int FAILED = 1;
    /** The command line or its inputs were wrong: bad option, missing jar, no main class, not a job. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
