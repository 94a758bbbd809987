package io.runnel.cli.testjobs;

import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.datagen.SequenceSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A tiny job program that the CLI tests package into a jar: squares 1..N and writes, into the file named by its
 * first argument, the sum of the squares, the job's default parallelism and the URLs of the thread context class
 * loader, so that the test can check what {@code runnel run JAR} set up.
 */
public final class SquaresJob {

    private SquaresJob() {
    }

    /** @param args output file, N */
    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(new SequenceSource(1, n), "numbers").map(new Square()).sinkTo(sink);
        JobExecutionResult result = env.execute("squares");
        List<Long> squares = sink.getResults(result);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        String urls = context instanceof URLClassLoader u
                ? Arrays.stream(u.getURLs()).map(URL::toString).collect(Collectors.joining(" ")) : "none";
        Files.writeString(Paths.get(args[0]), "sum=" + squares.stream().mapToLong(Long::longValue).sum() + "\n"
                + "count=" + squares.size() + "\n"
                + "parallelism=" + env.getParallelism() + "\n"
                + "loader=" + urls + "\n");
    }

    /** A named class rather than a lambda, so the jar holds a second class of the program. */
    static final class Square implements io.runnel.api.functions.MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) {
            return value * value;
        }
    }
}
