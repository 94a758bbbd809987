package io.runnel.cli.command;

import io.runnel.cli.ExitCode;
import io.runnel.examples.Examples;
import io.runnel.examples.Examples.Example;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code runnel examples}: lists the bundled example jobs that {@code runnel run NAME} accepts.
 *
 * <p><b>Threading:</b> the thread that executes the command line.
 */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Lists the bundled example jobs; run one with 'runnel run NAME [ARGS...]'.")
public final class ExamplesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Examples.all().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Example example : Examples.all()) {
            out.printf("  %-" + width + "s  %s%n", example.name(), example.description());
        }
        out.println();
        out.println("Run one with: runnel run NAME [ARGS...], e.g. runnel run flight-delays --min-flights 300");
        out.flush();
        return ExitCode.OK;
    }
}
