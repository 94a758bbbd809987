package io.runnel.cli.testjobs;

import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.file.LineFileSink;
import java.nio.file.Paths;

/**
 * A job program that submits its job with {@code executeAsync} and returns at once, without waiting for it.
 * Arguments: {@code OUTPUT_DIR N} writes 1..N into part files under OUTPUT_DIR; {@code fail} runs a job whose
 * map function throws at 42.
 */
public final class AsyncJob {

    private AsyncJob() {
    }

    public static void main(String[] args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (args[0].equals("fail")) {
            env.fromSource(new SequenceSource(1, 100), "numbers")
                    .map(x -> {
                        if (x == 42) {
                            throw new ArithmeticException("cannot handle 42 asynchronously");
                        }
                        return x;
                    })
                    .sinkTo(new CollectSink<>());
        } else {
            env.fromSource(new SequenceSource(1, Long.parseLong(args[1])), "numbers")
                    .sinkTo(new LineFileSink<>(Paths.get(args[0])));
        }
        env.executeAsync("async");
    }
}
