package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.environment.ExecutionOptions;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.cli.CliException;
import io.runnel.cli.ExitCode;
import io.runnel.cli.Messages;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link JobProgram}'s main method in the CLI's context, as Flink's {@code PackagedProgram} does: every
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} the program asks for carries the CLI's options and
 * a {@link JobCounter}, and the thread context class loader is the program's while main runs.
 *
 * <p><b>Contract:</b> the outcome is an exit code:
 * <ul>
 *   <li>{@link ExitCode#OK}: main returned after submitting at least one job;</li>
 *   <li>{@link ExitCode#USAGE} (as {@link CliException}): main returned without submitting a job, or threw
 *       {@link IllegalArgumentException} before submitting one (invalid job arguments);</li>
 *   <li>{@link ExitCode#FAILED}: a job failed or main threw anything else; the root cause is printed in one line
 *       and the stack trace logged.</li>
 * </ul>
 * Only programs that obtain their environment from {@code getExecutionEnvironment()} are counted; one that
 * constructs its own environment is reported as running no job.
 *
 * <p><b>Threading:</b> runs the program on the calling thread; the context factory it installs is global, so
 * one program runs at a time per JVM, and it is removed afterwards.
 */
final class JobProgramRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobProgramRunner.class);

    private final PrintWriter err;

    /** @param err where the one-line failure message goes */
    JobProgramRunner(PrintWriter err) {
        this.err = err;
    }

    /**
     * @param program the program to run
     * @param args the arguments of its main method
     * @param parallelism the default parallelism of its jobs, or empty for the engine's default
     * @return the exit code
     * @throws CliException for the usage errors listed in the class comment
     */
    int run(JobProgram program, List<String> args, OptionalInt parallelism) {
        JobCounter counter = new JobCounter();
        StreamExecutionEnvironment.setContextFactory(() -> newEnvironment(parallelism, counter));
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(program.classLoader());
        LOG.info("Running {} with arguments {}", program.description(), args);
        try {
            program.main().invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            return failed(program, e.getCause(), counter);
        } catch (IllegalAccessException e) {
            throw CliException.usage("Cannot call main of " + program.description() + ": " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previousLoader);
            StreamExecutionEnvironment.setContextFactory(null);
        }
        if (counter.submitted() == 0) {
            throw CliException.usage("Main class " + program.mainClassName() + " did not execute a Runnel job");
        }
        return ExitCode.OK;
    }

    private static StreamExecutionEnvironment newEnvironment(OptionalInt parallelism, JobCounter counter) {
        Configuration configuration = new Configuration();
        parallelism.ifPresent(p -> configuration.set(ExecutionOptions.PARALLELISM, p));
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(configuration);
        env.registerJobListener(counter);
        return env;
    }

    private int failed(JobProgram program, Throwable thrown, JobCounter counter) {
        Optional<Throwable> jobFailure = counter.firstFailure().or(() -> findJobFailure(thrown));
        if (jobFailure.isPresent()) {
            LOG.error("A job of {} failed", program.description(), thrown);
            err.println("Error: job failed: " + Messages.oneLine(Messages.rootCause(jobFailure.get())) + " "
                    + Messages.seeLog());
            err.flush();
            return ExitCode.FAILED;
        }
        if (thrown instanceof IllegalArgumentException && counter.submitted() == 0) {
            LOG.info("{} rejected its arguments", program.description(), thrown);
            throw CliException.usage(thrown.getMessage() != null ? thrown.getMessage() : thrown.toString());
        }
        LOG.error("Main method of {} failed", program.description(), thrown);
        err.println("Error: main method of " + program.mainClassName() + " failed: "
                + Messages.oneLine(Messages.rootCause(thrown)) + " " + Messages.seeLog());
        err.flush();
        return ExitCode.FAILED;
    }

    private static Optional<Throwable> findJobFailure(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JobExecutionException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
