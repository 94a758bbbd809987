package io.runnel.cli.command;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.environment.JobListener;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.cli.CliException;
import io.runnel.cli.ExitCode;
import io.runnel.cli.Messages;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link JobProgram}'s main method in the CLI's context, as Flink's {@code PackagedProgram} does: every
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} the program asks for carries the CLI's options (as
 * configuration keys), a {@link JobCounter}, a {@link CheckpointLocationPrinter} and the caller's listeners, and
 * the thread context class loader is the program's while main runs.
 *
 * <p><b>Contract:</b> once main has returned, the runner waits for every job the program submitted, also those
 * submitted with {@code executeAsync} and still running, because the CLI exits the JVM afterwards. The outcome is
 * an exit code:
 * <ul>
 *   <li>{@link ExitCode#OK}: main returned after submitting at least one job, and every job finished;</li>
 *   <li>{@link ExitCode#USAGE} (as {@link CliException}): main returned without submitting a job, or threw
 *       {@link IllegalArgumentException} before submitting one (invalid job arguments);</li>
 *   <li>{@link ExitCode#FAILED}: a job failed or was cancelled (even if main caught the exception and returned
 *       normally), main threw anything else, or the main class's static initializer threw; the root cause is
 *       printed in one line and the stack trace logged.</li>
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
     * @param configuration the CLI's settings as configuration keys, the starting configuration of every
     *     environment the program asks for (e.g. {@code parallelism.default}, checkpoint and savepoint keys)
     * @param listeners further listeners of the jobs the program submits
     * @return the exit code
     * @throws CliException for the usage errors listed in the class comment
     */
    int run(JobProgram program, List<String> args, Configuration configuration, List<JobListener> listeners) {
        JobCounter counter = new JobCounter();
        StreamExecutionEnvironment.setContextFactory(() -> newEnvironment(configuration, counter, listeners));
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(program.classLoader());
        LOG.info("Running {} with arguments {}", program.description(), args);
        try {
            program.main().invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            return failed(program, e.getCause(), counter);
        } catch (LinkageError e) {
            // Invoking main initializes its class: an ExceptionInInitializerError (or, if the initializer failed
            // before in this JVM, a NoClassDefFoundError) arrives unwrapped.
            return mainClassFailed(program, e);
        } catch (IllegalAccessException e) {
            throw CliException.usage("Cannot call main of " + program.description() + ": " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previousLoader);
            StreamExecutionEnvironment.setContextFactory(null);
        }
        if (counter.submitted() == 0) {
            throw CliException.usage("Main class " + program.mainClassName() + " did not execute a Runnel job");
        }
        return awaitJobs(program, counter);
    }

    /** After main returned: waits for the jobs still running and reports the first failure of any job. */
    private int awaitJobs(JobProgram program, JobCounter counter) {
        Optional<Throwable> jobFailure;
        try {
            jobFailure = counter.firstFailure().isPresent() ? counter.firstFailure() : counter.awaitJobs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            counter.cancelAll();
            LOG.error("Interrupted while waiting for the jobs of {}; cancelled them", program.description(), e);
            err.println("Error: interrupted while waiting for the jobs of " + program.mainClassName()
                    + " to end; cancelled them");
            err.flush();
            return ExitCode.FAILED;
        }
        if (jobFailure.isPresent()) {
            // main returned normally: it caught the job's exception, or left an executeAsync job running.
            LOG.error("A job of {} failed", program.description(), jobFailure.get());
            printJobFailed(jobFailure.get());
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    private int mainClassFailed(JobProgram program, LinkageError error) {
        LOG.error("Main class of {} cannot be initialized", program.description(), error);
        err.println("Error: main class " + program.mainClassName() + " cannot be initialized: "
                + Messages.oneLine(Messages.rootCause(error)) + " " + Messages.seeLog());
        err.flush();
        return ExitCode.FAILED;
    }

    private void printJobFailed(Throwable jobFailure) {
        err.println("Error: job failed: " + Messages.oneLine(Messages.rootCause(jobFailure)) + " "
                + Messages.seeLog());
        err.flush();
    }

    private StreamExecutionEnvironment newEnvironment(Configuration configuration, JobCounter counter,
                                                     List<JobListener> listeners) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(configuration);
        env.registerJobListener(counter);
        env.registerJobListener(new CheckpointLocationPrinter(env.getConfiguration(), err));
        listeners.forEach(env::registerJobListener);
        return env;
    }

    private int failed(JobProgram program, Throwable thrown, JobCounter counter) {
        Optional<Throwable> jobFailure = counter.firstFailure().or(() -> findJobFailure(thrown));
        if (jobFailure.isPresent()) {
            LOG.error("A job of {} failed", program.description(), thrown);
            printJobFailed(jobFailure.get());
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
