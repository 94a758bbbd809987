package io.runnel.cli.testjobs;

import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.datagen.SequenceSource;

/** A job program whose job fails: its map function throws at the number 42. */
public final class FailingJob {

    private FailingJob() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(new SequenceSource(1, 100), "numbers")
                .map(x -> {
                    if (x == 42) {
                        throw new ArithmeticException("cannot handle 42");
                    }
                    return x;
                })
                .sinkTo(new CollectSink<>());
        env.execute("failing");
    }
}
