package io.runnel.connector.kafka;

import io.runnel.annotation.Public;
import io.runnel.annotation.TaskThread;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.connector.sink.TwoPhaseCommitSinkFunction;
import io.runnel.api.datastream.DataStream;
import io.runnel.api.datastream.DataStreamSink;
import io.runnel.api.environment.CheckpointConfig;
import io.runnel.api.typeutils.Serializers;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Kafka sink with {@link DeliveryGuarantee#EXACTLY_ONCE}: one Kafka transaction per checkpoint on a
 * {@link TwoPhaseCommitSinkFunction}, read back by consumers with {@code isolation.level=read_committed}.
 *
 * <pre>{@code
 * KafkaSink.<String>builder()
 *         .setBootstrapServers(broker.bootstrapServers())
 *         .setSerializer(KafkaRecordSerializer.utf8Values(topic))
 *         .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *         .setTransactionalIdPrefix("eo-" + seed)
 *         .buildExactlyOnce()
 *         .addTo(stream);
 * }</pre>
 * (from {@code KafkaExactlyOnceSinkIT})
 *
 * <p><b>Contract:</b>
 * <ul>
 *   <li>Records go into the open transaction; at a checkpoint's barrier it is flushed (pre-commit) and a new one
 *       begins on another transactional id of the subtask's pool ({@code <prefix>-<subtask>-<k>}); when the
 *       checkpoint completes, its transaction is committed.</li>
 *   <li>At every start each id of the pool (and those of subtasks that a scale-down removed) is initialized,
 *       which aborts whatever transaction a failed attempt left open or pre-committed on it and fences its
 *       producer.</li>
 *   <li>Guarantee: exactly once across task failures and restarts within the same process; after a process crash,
 *       exactly once except for the transaction of a checkpoint that completed while its commit had not yet been
 *       sent, whose records are lost (see {@link TransactionalProducerPool} for why).</li>
 *   <li>{@code transaction.timeout.ms} (default 15 minutes, at most the broker's {@code transaction.max.timeout.ms})
 *       must exceed the checkpoint interval: {@link #addTo} refuses otherwise, since a transaction stays open for
 *       an interval and must then survive until its checkpoint completes.</li>
 * </ul>
 *
 * <p><b>Threading:</b> task thread only (the SinkFunction contract); send callbacks run on the producer's I/O
 * thread and only set {@code asyncError}.
 *
 * @param <T> the record type
 */
@Public
public final class KafkaExactlyOnceSink<T> extends TwoPhaseCommitSinkFunction<T, KafkaTransaction, KafkaSinkHistory> {

    private static final long serialVersionUID = 1L;

    private final Properties properties;
    private final KafkaRecordSerializer<T> serializer;
    private final String transactionalIdPrefix;
    private final int poolSize;
    private final Duration transactionTimeout;
    /** Owner: task thread. */
    private transient TransactionalProducerPool pool;
    private transient AtomicReference<Exception> asyncError;
    private transient Callback callback;

    KafkaExactlyOnceSink(Properties properties, KafkaRecordSerializer<T> serializer, String transactionalIdPrefix,
                         int poolSize, Duration transactionTimeout) {
        super(Serializers.forClass(KafkaTransaction.class), Serializers.forClass(KafkaSinkHistory.class));
        this.properties = properties;
        this.serializer = serializer;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.poolSize = poolSize;
        this.transactionTimeout = transactionTimeout;
        setTransactionTimeout(transactionTimeout.toMillis());
        enableTransactionTimeoutWarnings(0.8);
    }

    /**
     * Adds this sink to {@code stream} after checking it against the job's checkpoint configuration.
     *
     * @throws IllegalStateException if checkpointing is off or its interval is not below the transaction timeout
     */
    public DataStreamSink<T> addTo(DataStream<T> stream) {
        CheckpointConfig checkpoints = stream.getExecutionEnvironment().getCheckpointConfig();
        if (!checkpoints.isCheckpointingEnabled()) {
            throw new IllegalStateException("The EXACTLY_ONCE Kafka sink commits a transaction per checkpoint: "
                    + "enable checkpointing");
        }
        Duration interval = checkpoints.getCheckpointInterval();
        if (interval.compareTo(transactionTimeout) >= 0) {
            throw new IllegalStateException("transaction.timeout.ms (" + transactionTimeout.toMillis() + " ms) must "
                    + "exceed the checkpoint interval (" + interval.toMillis() + " ms): a Kafka transaction stays open "
                    + "for one interval and must then survive until its checkpoint completes, or the broker aborts it "
                    + "and its records are lost");
        }
        return stream.addSink(this);
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        Map<String, Object> config = new HashMap<>();
        properties.forEach((k, v) -> config.put((String) k, v));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
        pool = new TransactionalProducerPool(config, transactionalIdPrefix,
                getRuntimeContext().getIndexOfThisSubtask(), poolSize);
        asyncError = new AtomicReference<>();
        callback = (metadata, error) -> {
            if (error != null) {
                asyncError.compareAndSet(null, error);
            }
        };
        super.initializeState(context);
    }

    @Override
    protected KafkaSinkHistory initializeUserContext() {
        return new KafkaSinkHistory(getRuntimeContext().getNumberOfParallelSubtasks());
    }

    @Override
    protected void finishRecoveringContext(List<KafkaTransaction> handled) {
        int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
        KafkaSinkHistory history = getUserContext();
        int highest = history == null ? parallelism : Math.max(history.highestParallelism(), parallelism);
        if (history != null) {
            history.recordParallelism(parallelism);
        }
        pool.initialize(parallelism, highest);
    }

    @Override
    @TaskThread
    protected KafkaTransaction beginTransaction() {
        return pool.begin();
    }

    @Override
    @TaskThread
    protected void invoke(KafkaTransaction transaction, T value, Context context) throws IOException {
        checkAsyncError();
        pool.producer(transaction).send(serializer.serialize(value, context.timestamp()), callback);
    }

    @Override
    @TaskThread
    protected void preCommit(KafkaTransaction transaction) throws IOException {
        pool.producer(transaction).flush();
        checkAsyncError();
    }

    @Override
    @TaskThread
    protected void commit(KafkaTransaction transaction) {
        pool.commit(transaction);
    }

    @Override
    @TaskThread
    protected void abort(KafkaTransaction transaction) {
        pool.abort(transaction);
    }

    @Override
    protected void recoverAndCommit(KafkaTransaction transaction) {
        TransactionalProducerPool.recoverAndCommit(transaction);
    }

    @Override
    protected void recoverAndAbort(KafkaTransaction transaction) {
        TransactionalProducerPool.recoverAndAbort(transaction);
    }

    private void checkAsyncError() throws IOException {
        Exception e = asyncError.get();
        if (e != null) {
            throw new IOException("Sending a record to Kafka failed", e);
        }
    }

    @Override
    public void close() throws Exception {
        boolean interrupted = Thread.interrupted();
        try {
            super.close();
        } finally {
            if (pool != null) {
                pool.close();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
