package io.runnel.cli.testjobs;

import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.datagen.SequenceSource;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A job program that the CLI tests package into a jar: runs a tiny job, then writes the configuration of its
 * environment as {@code key=value} lines into the file named by its first argument, so that a test can check
 * which keys {@code runnel run}'s options set.
 */
public final class ConfigEchoJob {

    private ConfigEchoJob() {
    }

    /** @param args output file */
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(new SequenceSource(1, 10), "numbers").sinkTo(new CollectSink<>());
        env.execute("config echo");
        Map<String, String> configuration = env.getConfiguration().toMap();
        Files.writeString(Paths.get(args[0]), configuration.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    }
}
