package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.ConfigOption;
import java.time.Duration;

/** Configuration keys of job execution, readable from any {@link io.runnel.api.common.Configuration}. */
@Public
public final class ExecutionOptions {

    /** Default parallelism of operators that set none. */
    public static final ConfigOption<Integer> PARALLELISM = ConfigOption.of("parallelism.default", Integer.class,
            1, "Default parallelism of operators that set none.");

    /** Number of key groups of keyed operators that set none. */
    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.of("pipeline.max-parallelism",
            Integer.class, 128, "Number of key groups (the upper bound of the parallelism of keyed operators).");

    /** Where jobs run: {@code local} is an embedded MiniCluster per job. */
    public static final ConfigOption<String> TARGET = ConfigOption.of("execution.target", String.class, "local",
            "Where jobs run: 'local' starts an embedded MiniCluster for each job.");

    /** How often periodic watermark generators are asked for a watermark (Flink's key and default). */
    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOption.of(
            "pipeline.auto-watermark-interval", Duration.class, Duration.ofMillis(200),
            "Interval of periodic watermark generation; 0 turns periodic generation off.");

    /** How long a partly filled network buffer may wait before it is sent; 0 sends after every record. */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.of("execution.buffer-timeout",
            Duration.class, Duration.ofMillis(100),
            "Longest time a partly filled network buffer waits before it is sent; 0 sends after every record.");

    private ExecutionOptions() {
    }
}
