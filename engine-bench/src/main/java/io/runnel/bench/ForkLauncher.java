package io.runnel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts one forked JVM per measurement, as JMH does, so that one workload's JIT profile (say, a call site that
 * saw only {@code Long}s) cannot help or hurt another's: {@code java -cp <this JVM's class path>}
 * {@value #JVM_OPTIONS} {@code io.runnel.bench.Benchmarks --fork <workload> <mode> ...}.
 *
 * The large-state check runs the same way, as {@link LargeStateCheck} with {@value LargeStateCheck#JVM_OPTIONS}.
 *
 * <p><b>Contract:</b> the fork's output is copied to {@code out}, indented; its {@link ForkResult} line (or the
 * large-state check's {@value LargeStateCheck#PREFIX} line) is returned. A fork that exits non-zero, prints no result, or outlives the timeout fails with
 * {@link ForkFailedException} (a timed-out fork's threads are dumped with {@code jcmd <pid> Thread.print} first,
 * then it is killed).
 *
 * <p><b>Threading:</b> called from the runner's main thread; a daemon thread per fork copies the fork's output.
 */
final class ForkLauncher {

    /** Options of every fork: a fixed heap (no resizing in the measured runs) and the throughput collector. */
    static final String JVM_OPTIONS = "-Xms2g -Xmx2g -XX:+UseParallelGC";

    /** Thrown when a fork fails; the message says how. */
    static final class ForkFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        ForkFailedException(String message) {
            super(message);
        }
    }

    private final BenchmarkOptions options;
    private final PrintStream out;

    /**
     * @param options the runner's options, passed on to each fork
     * @param out where the forks' output is copied
     */
    ForkLauncher(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** @return the command line that measures {@code spec} in a new JVM */
    List<String> command(ForkSpec spec) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(JVM_OPTIONS.split(" ")));
        cmd.add(Benchmarks.class.getName());
        cmd.addAll(options.forkArguments(spec));
        return cmd;
    }

    /**
     * Runs the fork of {@code spec} and waits for it.
     *
     * @return its result
     * @throws ForkFailedException if it fails, hangs, or prints no result
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting (the fork is killed)
     */
    ForkResult run(ForkSpec spec) throws ForkFailedException, IOException, InterruptedException {
        return ForkResult.parse(runProcess(command(spec), spec.label(), ForkResult.PREFIX));
    }

    /** @return the command line that runs {@link LargeStateCheck} on {@code keys} keys in a new JVM */
    List<String> largeStateCommand(long keys) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(LargeStateCheck.JVM_OPTIONS.split(" ")));
        cmd.add(LargeStateCheck.class.getName());
        cmd.add(Long.toString(keys));
        return cmd;
    }

    /**
     * Runs {@link LargeStateCheck} in a fork (with its own, small heap) and waits for it.
     *
     * @return its {@value LargeStateCheck#PREFIX} line
     * @throws ForkFailedException if it fails (including a mismatch), hangs, or prints no result
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted while waiting (the fork is killed)
     */
    String runLargeState(long keys) throws ForkFailedException, IOException, InterruptedException {
        return runProcess(largeStateCommand(keys), "large-state check", LargeStateCheck.PREFIX);
    }

    /**
     * Starts {@code command}, copies its output to {@code out} and waits for it.
     *
     * @return the last output line that starts with {@code resultPrefix}
     */
    private String runProcess(List<String> command, String label, String resultPrefix)
            throws ForkFailedException, IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicReference<String> resultLine = new AtomicReference<>();
        Thread pump = new Thread(() -> copyOutput(process, resultPrefix, resultLine), "fork-output-" + label);
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(options.forkTimeoutSeconds(), TimeUnit.SECONDS)) {
                dumpThreads(process);
                process.destroyForcibly().waitFor();
                throw new ForkFailedException(label + " did not finish within " + options.forkTimeoutSeconds()
                        + " s (threads dumped above) and was killed");
            }
        } finally {
            process.destroyForcibly();
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        if (process.exitValue() != 0) {
            throw new ForkFailedException(label + " failed: exit code " + process.exitValue()
                    + " (its output is above)");
        }
        String line = resultLine.get();
        if (line == null) {
            throw new ForkFailedException(label + " exited without a result line");
        }
        return line;
    }

    private void copyOutput(Process process, String resultPrefix, AtomicReference<String> resultLine) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(resultPrefix)) {
                    resultLine.set(line);
                }
                synchronized (out) {
                    out.println("    | " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("lost the output of fork " + process.pid(), e);
        }
    }

    private void dumpThreads(Process process) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        out.println("fork " + process.pid() + " timed out; thread dump:");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            out.println(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            dump.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            out.println("could not run " + jcmd + ": " + e);
        }
    }
}
