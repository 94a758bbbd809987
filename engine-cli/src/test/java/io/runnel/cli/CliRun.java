package io.runnel.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The outcome of running the CLI in-process on captured output streams.
 *
 * @param exitCode the exit code {@code execute} returned
 * @param out what the command printed on its out stream
 * @param err what it printed on its err stream
 */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code runnel args...} in this JVM. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunnelCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
