package io.runnel.cli.command;

import io.runnel.cli.CliException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runnel run [--parallelism N] [--class MAIN] JAR|EXAMPLE [ARGS...]}: runs a job program, the main class of
 * a job jar or a bundled example, on the embedded local cluster. Parses and validates only; finding the program
 * is {@link JobProgramResolver}'s job and running it {@link JobProgramRunner}'s.
 *
 * <p><b>Errors:</b> usage errors (bad option, missing jar, no main class, not a job, invalid job arguments) throw
 * {@link CliException} with exit code 2; a failed job returns exit code 1 after printing its root cause. The
 * command returns only after every job the program submitted has ended, also one started with
 * {@code executeAsync} that main did not wait for: the CLI's {@code System.exit} would otherwise kill it.
 *
 * <p><b>Threading:</b> the thread that executes the command line; the job's main runs on it too.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a job jar's main class, or a bundled example, on an embedded local cluster.",
            "Options go before JAR|EXAMPLE; everything after it is passed to the job."},
        footer = {"", "Examples:", "  runnel run flight-delays --min-flights 300",
            "  runnel run --parallelism 4 my-job.jar --input data.csv"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "Default parallelism of the job's operators (the job may override it).")
    private Integer parallelism;

    @Option(names = {"-c", "--class"}, paramLabel = "MAIN",
            description = "Main class to run; default: Main-Class of the jar's manifest.")
    private String mainClass;

    @Parameters(index = "0", paramLabel = "JAR|EXAMPLE",
            description = "A job jar, or the name of a bundled example (see 'runnel examples').")
    private String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the job's main method.")
    private List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() {
        if (parallelism != null && parallelism < 1) {
            throw CliException.usage("--parallelism must be at least 1, got " + parallelism);
        }
        OptionalInt defaultParallelism = parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
        try (JobProgram program = JobProgramResolver.resolve(target, mainClass)) {
            return new JobProgramRunner(spec.commandLine().getErr()).run(program, jobArgs, defaultParallelism);
        }
    }
}
