package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.cli.CliException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runnel run [--parallelism N] [--class MAIN] [STATE OPTIONS] JAR|EXAMPLE [ARGS...]}: runs a job program, the
 * main class of a job jar or a bundled example, on the embedded local cluster. Parses and validates only; the
 * state, checkpoint and savepoint options are {@link StateOptions}, finding the program is
 * {@link JobProgramResolver}'s job, running it {@link JobProgramRunner}'s and stopping it with a savepoint
 * {@link SavepointStopper}'s.
 *
 * <p><b>Errors:</b> usage errors (bad option, missing jar, no main class, not a job, invalid job arguments, an
 * unreadable savepoint) throw {@link CliException} or picocli's {@code ParameterException}, exit code 2; a failed
 * job returns exit code 1 after printing its root cause. The command returns only after every job the program
 * submitted has ended, also one started with {@code executeAsync} that main did not wait for: the CLI's
 * {@code System.exit} would otherwise kill it.
 *
 * <p><b>Output:</b> the job's own output goes to standard output; the CLI's notes (where checkpoints go, which
 * savepoint a job starts from, where its savepoint went) are lines on standard error.
 *
 * <p><b>Threading:</b> the thread that executes the command line; the job's main runs on it too.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a job jar's main class, or a bundled example, on an embedded local cluster.",
            "Options go before JAR|EXAMPLE; everything after it is passed to the job."},
        footer = {"", "Examples:", "  runnel run flight-delays --min-flights 300",
            "  runnel run --parallelism 4 my-job.jar --input data.csv",
            "  runnel run --checkpoint-interval 1s --state rocksdb --savepoint-dir sp \\",
            "      flight-delays-hourly --rate 2000   # Ctrl-C: stop with a savepoint into sp/",
            "  runnel run --from-savepoint sp/savepoint-... --allow-non-restored-state \\",
            "      flight-delays-hourly               # resume (without the throttle's state)"})
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-p", "--parallelism"}, paramLabel = "N",
            description = "Default parallelism of the job's operators (the job may override it).")
    private Integer parallelism;

    @Option(names = {"-c", "--class"}, paramLabel = "MAIN",
            description = "Main class to run; default: Main-Class of the jar's manifest.")
    private String mainClass;

    @Mixin
    private StateOptions state = new StateOptions();

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
        state.validate();
        Configuration configuration = state.toConfiguration();
        if (parallelism != null) {
            configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (JobProgram program = JobProgramResolver.resolve(target, mainClass)) {
            state.restore().ifPresent(restore -> note(err, "Starting from " + (restore.savepoint() ? "savepoint "
                    : "checkpoint " + restore.checkpointId() + " at ") + restore.directory()));
            Optional<SavepointStopper> stopper = state.savepointDirectory().map(dir -> new SavepointStopper(dir,
                    state.stopWithSavepointAfter().orElse(null), err));
            if (stopper.isEmpty()) {
                return new JobProgramRunner(err).run(program, jobArgs, configuration, List.of());
            }
            note(err, "Ctrl-C stops the job with a savepoint into " + state.savepointDirectory().get());
            stopper.get().install();
            try {
                return new JobProgramRunner(err).run(program, jobArgs, configuration, List.of(stopper.get()));
            } finally {
                stopper.get().close();
            }
        }
    }

    private static void note(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }
}
