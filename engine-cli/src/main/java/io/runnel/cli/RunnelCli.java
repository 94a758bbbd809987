package io.runnel.cli;

import io.runnel.cli.command.ExamplesCommand;
import io.runnel.cli.command.RunCommand;
import io.runnel.cli.command.SavepointCommand;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code runnel} command: {@code runnel run [OPTIONS] JAR|EXAMPLE [ARGS...]}, {@code runnel examples},
 * {@code runnel savepoint} (which explains that it needs cluster mode), {@code --help}, {@code --version}.
 *
 * <p><b>Contract:</b> exit codes are those of {@link ExitCode}. Every error is one line on standard error that
 * starts with {@code Error: }; stack traces go only to the log (see {@link LogSetup}). Arguments after
 * {@code JAR|EXAMPLE} belong to the job, even if they look like options.
 *
 * <p><b>Threading:</b> {@link #main} runs on the main thread; a {@link CommandLine} from {@link #newCommandLine}
 * is used by one thread.
 */
@Command(name = "runnel", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs Runnel stream-processing jobs on an embedded local cluster.",
        subcommands = {RunCommand.class, ExamplesCommand.class, SavepointCommand.class,
            CommandLine.HelpCommand.class})
public final class RunnelCli implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Parses {@code args}, runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int exitCode = run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        // exit() rather than returning: engine threads a job left behind must not keep the JVM alive.
        System.exit(exitCode);
    }

    /**
     * Configures logging from {@code environment} (see {@link LogSetup}), then parses {@code args} and runs the
     * command.
     *
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        try {
            LogSetup.configure(environment);
        } catch (CliException e) {
            err.println("Error: " + Messages.oneLine(e.getMessage()));
            err.flush();
            return e.exitCode();
        }
        return newCommandLine(out, err).execute(args);
    }

    /**
     * @param out where commands print their results
     * @param err where errors are printed, one line each
     * @return the configured command line, ready for {@link CommandLine#execute}
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new RunnelCli());
        cmd.setOut(out);
        cmd.setErr(err);
        // Everything after JAR|EXAMPLE is the job's: 'runnel run flight-delays --min-flights 10' must not fail
        // on an option picocli does not know, nor expand '@file' arguments meant for the job.
        cmd.setStopAtPositional(true);
        cmd.setExpandAtFiles(false);
        cmd.setParameterExceptionHandler(RunnelCli::handleParameterException);
        cmd.setExecutionExceptionHandler(RunnelCli::handleExecutionException);
        return cmd;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: use 'runnel run' or 'runnel examples'");
    }

    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println("Error: " + Messages.oneLine(e.getMessage()) + " (see '"
                + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    private static int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof CliException cli) {
            cmd.getErr().println("Error: " + Messages.oneLine(cli.getMessage()));
            cmd.getErr().flush();
            return cli.exitCode();
        }
        // The logger is looked up here, not in a static field, so LogSetup has configured slf4j before.
        LoggerFactory.getLogger(RunnelCli.class).error("Command '{}' failed", cmd.getCommandName(), e);
        cmd.getErr().println("Error: " + Messages.oneLine(Messages.rootCause(e)) + " " + Messages.seeLog());
        cmd.getErr().flush();
        return ExitCode.FAILED;
    }
}
