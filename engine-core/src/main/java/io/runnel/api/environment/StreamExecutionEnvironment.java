package io.runnel.api.environment;

import io.runnel.annotation.Internal;
import io.runnel.annotation.Public;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionException;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobId;
import io.runnel.api.connector.source.Source;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.state.StateBackendSettings;
import io.runnel.api.datastream.SingleOutputStreamOperator;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.graph.JobGraph;
import io.runnel.graph.JobGraphBuilder;
import io.runnel.graph.SourceTransformation;
import io.runnel.graph.StreamGraphGenerator;
import io.runnel.graph.Transformation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The entry point of a job: create sources from it, build the pipeline with the DataStream API, then call
 * {@link #execute(String)}.
 *
 * <pre>{@code
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * env.fromSource(new SequenceSource(0, 99), "numbers")
 *    .map(x -> x * 2)
 *    .sinkTo(new PrintSink<>());
 * env.execute("doubling");
 * }</pre>
 *
 * <p>By default jobs run on an embedded MiniCluster started for the job and shut down after it; the executor is
 * found through {@link JobExecutorFactory} by the {@code execution.target} option.
 *
 * <p><b>Threading:</b> not thread-safe; use it from the thread that builds the job.
 */
@Public
public class StreamExecutionEnvironment {

    private static volatile Supplier<StreamExecutionEnvironment> contextFactory;

    private final Configuration configuration;
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private final List<JobListener> jobListeners = new ArrayList<>();

    /** Creates an environment with the given configuration (see {@link ExecutionOptions}). */
    public StreamExecutionEnvironment(Configuration configuration) {
        this.configuration = new Configuration(configuration);
    }

    /**
     * @return the environment of the context the program runs in: the one the CLI set up when run through
     *     {@code runnel run}, else a local environment with the default configuration
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        Supplier<StreamExecutionEnvironment> factory = contextFactory;
        return factory != null ? factory.get() : new StreamExecutionEnvironment(new Configuration());
    }

    /** @return a local environment with the given configuration */
    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        return new StreamExecutionEnvironment(configuration);
    }

    /**
     * Makes {@link #getExecutionEnvironment()} return environments from {@code factory}; null restores the
     * default. Used by the CLI to apply its options to a job jar's program.
     */
    @Internal
    public static void setContextFactory(Supplier<StreamExecutionEnvironment> factory) {
        contextFactory = factory;
    }

    /**
     * Turns on periodic checkpoints (the same as setting {@link CheckpointingOptions#INTERVAL} and
     * {@link CheckpointingOptions#MODE}).
     *
     * @param interval time between checkpoint triggers, at least 10 ms
     * @param mode exactly-once (aligned) or at-least-once
     * @return this
     * @throws IllegalArgumentException if the interval is shorter than 10 ms
     */
    public StreamExecutionEnvironment enableCheckpointing(Duration interval, CheckpointingMode mode) {
        getCheckpointConfig().setCheckpointInterval(interval).setCheckpointingMode(mode);
        return this;
    }

    /** Turns on exactly-once checkpoints every {@code interval}. @return this */
    public StreamExecutionEnvironment enableCheckpointing(Duration interval) {
        return enableCheckpointing(interval, CheckpointingMode.EXACTLY_ONCE);
    }

    /** @return the checkpoint settings, a live view of this environment's configuration */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** Sets what happens when a task fails (see {@link RestartStrategies}). @return this */
    public StreamExecutionEnvironment setRestartStrategy(RestartStrategies.Configuration strategy) {
        strategy.keys().forEach(configuration::setString);
        return this;
    }

    /** @return the configuration (live: changes apply to jobs built afterwards) */
    public Configuration getConfiguration() {
        return configuration;
    }

    /** Sets the default parallelism of operators that set none. @return this */
    public StreamExecutionEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        configuration.set(ExecutionOptions.PARALLELISM, parallelism);
        return this;
    }

    /** @return the default parallelism */
    public int getParallelism() {
        return configuration.get(ExecutionOptions.PARALLELISM);
    }

    /** Sets the default number of key groups. @return this */
    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > 32768) {
            throw new IllegalArgumentException("max parallelism must be in [1, 32768], got " + maxParallelism);
        }
        configuration.set(ExecutionOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    /** @return the default number of key groups */
    public int getMaxParallelism() {
        return configuration.get(ExecutionOptions.MAX_PARALLELISM);
    }

    /** Sets how long a partly filled network buffer may wait; {@link Duration#ZERO} flushes every record. */
    public StreamExecutionEnvironment setBufferTimeout(Duration timeout) {
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, timeout);
        return this;
    }

    /** Registers a listener for the jobs this environment submits. */
    public void registerJobListener(JobListener listener) {
        jobListeners.add(listener);
    }

    /**
     * Adds a source. The record type comes from the source's {@link ResultTypeQueryable#getProducedType()} when
     * it has one, else from its class's type arguments.
     *
     * @param source the source
     * @param sourceName the operator name
     * @return the stream of the source's records
     */
    public <T> SingleOutputStreamOperator<T> fromSource(Source<T, ?, ?> source, String sourceName) {
        return fromSource(source, null, sourceName);
    }

    /**
     * Chooses where the job's keyed state lives, e.g. {@code env.setStateBackend(new EmbeddedRocksDBStateBackend())};
     * the same as setting {@code state.backend} (and the backend's own keys) in the configuration. Jobs built
     * afterwards use it.
     *
     * @return this environment
     */
    public StreamExecutionEnvironment setStateBackend(StateBackendSettings backend) {
        backend.toConfiguration().forEach(configuration::setString);
        return this;
    }

    /**
     * Like {@link #fromSource(Source, String)}, with event time from {@code watermarkStrategy} generated inside the
     * source: readers that emit per split get a timestamp assigner and watermark generator per split, and the
     * source's watermark is the minimum over its active splits (FLIP-27), so one split running ahead does not
     * make another's records late.
     *
     * @param watermarkStrategy the strategy, or null for no event time
     */
    public <T> SingleOutputStreamOperator<T> fromSource(Source<T, ?, ?> source, WatermarkStrategy<T> watermarkStrategy,
                                                        String sourceName) {
        TypeInformation<T> type = source instanceof ResultTypeQueryable<?> q
                ? castType(q.getProducedType())
                : TypeExtractor.outputType(source, Source.class, 0, false);
        SourceTransformation<T> t = new SourceTransformation<>("Source: " + sourceName, source, type,
                watermarkStrategy);
        return new SingleOutputStreamOperator<>(this, t);
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> castType(TypeInformation<?> t) {
        return (TypeInformation<T>) t;
    }

    /** Records a transformation that ends a pipeline (a sink); used by the DataStream API. */
    @Internal
    public void addOperator(Transformation<?> transformation) {
        transformations.add(transformation);
    }

    /**
     * Builds the job graph of everything defined so far and forgets it, so the environment can build another job.
     *
     * @throws IllegalStateException if nothing was defined
     * @throws IllegalArgumentException if the graph is invalid or a function is not serializable
     */
    public JobGraph getJobGraph(String jobName) {
        StreamGraphGenerator generator = new StreamGraphGenerator(getParallelism(), getMaxParallelism());
        List<Transformation<?>> sinks = List.copyOf(transformations);
        transformations.clear();
        return new JobGraphBuilder(generator.generate(jobName, sinks)).build(JobId.generate(), configuration);
    }

    /**
     * Runs the job and waits for it to end.
     *
     * @return the result with net runtime and accumulators
     * @throws JobExecutionException if the job failed (its cause is the root failure) or was cancelled
     */
    public JobExecutionResult execute(String jobName) throws JobExecutionException {
        JobClient client = executeAsync(jobName);
        try {
            JobExecutionResult result = client.getJobExecutionResult().get();
            jobListeners.forEach(l -> l.onJobExecuted(result, null));
            return result;
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            jobListeners.forEach(l -> l.onJobExecuted(null, cause));
            if (cause instanceof JobExecutionException jee) {
                throw jee;
            }
            throw new JobExecutionException(client.getJobId(), null, "Job '" + jobName + "' failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.cancel();
            throw new JobExecutionException(client.getJobId(), null, "Interrupted while waiting for the job", e);
        }
    }

    /**
     * Submits the job and returns at once.
     *
     * @return the job's client
     * @throws IllegalStateException if no executor serves {@code execution.target}, or the submission failed
     */
    public JobClient executeAsync(String jobName) {
        JobGraph jobGraph = getJobGraph(jobName);
        JobClient client;
        try {
            client = findExecutor().execute(jobGraph).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Submitting job '" + jobName + "' failed: " + cause, cause);
        }
        jobListeners.forEach(l -> l.onJobSubmitted(client));
        return client;
    }

    private JobExecutor findExecutor() {
        String target = configuration.get(ExecutionOptions.TARGET);
        for (JobExecutorFactory f : ServiceLoader.load(JobExecutorFactory.class,
                StreamExecutionEnvironment.class.getClassLoader())) {
            if (f.name().equals(target)) {
                return f.getExecutor(configuration);
            }
        }
        throw new IllegalStateException("No job executor for execution.target='" + target + "'. Is engine-runtime "
                + "on the class path?");
    }
}
