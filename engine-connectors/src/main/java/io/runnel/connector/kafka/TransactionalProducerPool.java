package io.runnel.connector.kafka;

import io.runnel.annotation.GuardedBy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactional producers of one {@link KafkaExactlyOnceSink} subtask: a fixed pool of transactional ids
 * {@code <prefix>-<subtask>-<k>} for {@code 0 <= k < poolSize}, each with one producer, plus a process-wide
 * registry that keeps the producers of pre-committed transactions alive after their task ended, so that a
 * restored attempt in the same process can still commit them, until their transaction timeout has passed.
 *
 * <p>Why the registry: kafka-clients 4.3 has no public way to finish a prepared transaction from a new producer
 * ({@code initTransactions()} on the same id aborts it; KIP-939's {@code initTransactions(keepPreparedTxn)} is
 * not public in 4.3.1). A task restart inside the same JVM (MiniCluster, or a TaskManager that survived) therefore
 * commits through the very producer that ran the transaction. After a process crash that producer is gone, and a
 * transaction pre-committed for a checkpoint that had completed but whose commit had not yet been sent is aborted
 * when its id is re-initialized: its records are lost. That window is between a checkpoint's completion and the
 * sink's completion notice.
 *
 * <p><b>Threading:</b> an instance is owned by its task thread; the static registry is thread-safe (guarded by
 * {@code REGISTRY}).
 *
 * <p><b>Lifecycle:</b> {@link #initialize} once at start, then acquire/release, then {@link #close()}.
 */
final class TransactionalProducerPool {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalProducerPool.class);

    /** Producers of pre-committed transactions whose task ended, by transaction token. */
    @GuardedBy("REGISTRY")
    private static final Map<String, Lingering> REGISTRY = new HashMap<>();
    /** Tokens of recently committed transactions, so a restore can tell "committed" from "lost". */
    @GuardedBy("REGISTRY")
    private static final Set<String> RECENTLY_COMMITTED = new LinkedHashSet<>();
    private static final int RECENTLY_COMMITTED_KEPT = 10_000;
    /**
     * Closes a lingering producer once its transaction timeout has passed: the broker has aborted the transaction
     * by then, so no restored attempt can commit it, and without this a job that failed for good would keep the
     * producer and its network thread until the JVM exits. Its one named thread ends when nothing is scheduled.
     */
    private static final ScheduledThreadPoolExecutor REAPER = reaper();

    private final Map<String, Object> producerConfig;
    private final String prefix;
    private final int subtaskIndex;
    private final int poolSize;
    private final ArrayDeque<String> freeIds = new ArrayDeque<>();
    private final Map<String, KafkaProducer<byte[], byte[]>> producers = new LinkedHashMap<>();
    /** Transactions begun and not yet committed or aborted, by token. */
    private final Map<String, KafkaTransaction> inUse = new LinkedHashMap<>();

    TransactionalProducerPool(Map<String, Object> producerConfig, String prefix, int subtaskIndex, int poolSize) {
        this.producerConfig = producerConfig;
        this.prefix = prefix;
        this.subtaskIndex = subtaskIndex;
        this.poolSize = poolSize;
    }

    static String transactionalId(String prefix, int subtaskIndex, int k) {
        return prefix + "-" + subtaskIndex + "-" + k;
    }

    /**
     * Commits a pre-committed transaction found in restored state, through the producer that ran it if this
     * process still has it.
     */
    static void recoverAndCommit(KafkaTransaction txn) {
        Lingering lingering;
        boolean committed;
        synchronized (REGISTRY) {
            lingering = REGISTRY.remove(txn.token());
            committed = RECENTLY_COMMITTED.contains(txn.token());
        }
        if (lingering != null) {
            try {
                lingering.producer().commitTransaction();
                remember(txn.token());
            } finally {
                lingering.producer().close(Duration.ZERO);
            }
        } else if (!committed) {
            LOG.error("Kafka transaction {} ({}) of a completed checkpoint cannot be committed: its producer did not "
                    + "survive the failure (kafka-clients offers no public API to resume a prepared transaction), "
                    + "and re-initializing the id aborts it; unless it was committed before the failure, its "
                    + "records are lost", txn.transactionalId(), txn.token());
        }
    }

    /** Aborts a transaction that the restored checkpoint left open, if this process still has its producer. */
    static void recoverAndAbort(KafkaTransaction txn) {
        Lingering lingering;
        synchronized (REGISTRY) {
            lingering = REGISTRY.remove(txn.token());
        }
        if (lingering != null) {
            closeAborting(lingering.producer());
        }
    }

    private static void remember(String token) {
        synchronized (REGISTRY) {
            RECENTLY_COMMITTED.add(token);
            if (RECENTLY_COMMITTED.size() > RECENTLY_COMMITTED_KEPT) {
                RECENTLY_COMMITTED.remove(RECENTLY_COMMITTED.iterator().next());
            }
        }
    }

    /**
     * Aborts every transaction an earlier attempt left on the ids of subtask indices {@code j} with
     * {@code j % parallelism == subtaskIndex}, {@code j < highestParallelism}: producers still registered here are
     * aborted and closed, and each id is initialized anew ({@code initTransactions} aborts an open transaction of
     * that id and fences its old producer). Keeps the fresh producers of this subtask's own ids.
     */
    void initialize(int parallelism, int highestParallelism) {
        for (int j = subtaskIndex; j < Math.max(highestParallelism, parallelism); j += parallelism) {
            for (int k = 0; k < poolSize; k++) {
                String id = transactionalId(prefix, j, k);
                abortRegistered(id);
                KafkaProducer<byte[], byte[]> producer = newProducer(id);
                producer.initTransactions();
                if (j == subtaskIndex) {
                    producers.put(id, producer);
                    freeIds.add(id);
                } else {
                    producer.close(Duration.ZERO);
                }
            }
        }
    }

    private static void abortRegistered(String transactionalId) {
        List<Lingering> lingering = new ArrayList<>();
        synchronized (REGISTRY) {
            REGISTRY.values().removeIf(l -> {
                boolean match = l.transactionalId().equals(transactionalId);
                if (match) {
                    lingering.add(l);
                }
                return match;
            });
        }
        lingering.forEach(l -> closeAborting(l.producer()));
    }

    private static ScheduledThreadPoolExecutor reaper() {
        ScheduledThreadPoolExecutor reaper = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "runnel-kafka-lingering-producer-reaper");
            t.setDaemon(true);
            return t;
        });
        reaper.setKeepAliveTime(1, TimeUnit.SECONDS);
        reaper.allowCoreThreadTimeOut(true);
        reaper.setRemoveOnCancelPolicy(true);
        return reaper;
    }

    /** Closes the producer lingering for {@code token}, unless a restored attempt took it meanwhile. */
    private static void reap(String token) {
        Lingering lingering;
        synchronized (REGISTRY) {
            lingering = REGISTRY.remove(token);
        }
        if (lingering != null) {
            LOG.info("Closing the producer of Kafka transaction {} ({}): no restored attempt took it within its "
                    + "transaction timeout, so the broker has aborted it", lingering.transactionalId(), token);
            closeAborting(lingering.producer());
        }
    }

    /** @return whether a producer still lingers for {@code token}; for tests */
    static boolean isLingering(String token) {
        synchronized (REGISTRY) {
            return REGISTRY.containsKey(token);
        }
    }

    /** A producer with a pre-committed transaction, kept after its task ended. */
    private record Lingering(String transactionalId, KafkaProducer<byte[], byte[]> producer) {
    }

    private long transactionTimeoutMillis() {
        Object configured = producerConfig.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        // kafka-clients' default transaction timeout is 60 s.
        return configured == null ? 60_000 : Long.parseLong(configured.toString());
    }

    private KafkaProducer<byte[], byte[]> newProducer(String transactionalId) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        return producer;
    }

    /**
     * Begins a transaction on a free id.
     *
     * @throws IllegalStateException if every id of the pool has a transaction that is neither committed nor aborted
     */
    KafkaTransaction begin() {
        String id = freeIds.pollFirst();
        if (id == null) {
            throw new IllegalStateException("All " + poolSize + " transactional ids of Kafka sink subtask "
                    + subtaskIndex + " have transactions waiting for a checkpoint to complete (" + inUse.values()
                    + "); raise the pool size (setTransactionalIdPoolSize) or make checkpoints complete");
        }
        KafkaProducer<byte[], byte[]> producer = producers.get(id);
        producer.beginTransaction();
        KafkaTransaction txn = new KafkaTransaction(id, UUID.randomUUID().toString());
        inUse.put(txn.token(), txn);
        return txn;
    }

    /** @return the producer running {@code txn} */
    KafkaProducer<byte[], byte[]> producer(KafkaTransaction txn) {
        if (!inUse.containsKey(txn.token())) {
            throw new IllegalStateException("Kafka transaction " + txn + " is not running in this subtask");
        }
        return producers.get(txn.transactionalId());
    }

    /** Commits a transaction of this attempt and frees its id. */
    void commit(KafkaTransaction txn) {
        if (!inUse.containsKey(txn.token())) {
            // Pre-committed by an earlier attempt and restored: committed through the registry, if at all.
            recoverAndCommit(txn);
            return;
        }
        producers.get(txn.transactionalId()).commitTransaction();
        remember(txn.token());
        release(txn);
    }

    /** Aborts a transaction of this attempt and frees its id. */
    void abort(KafkaTransaction txn) {
        if (!inUse.containsKey(txn.token())) {
            recoverAndAbort(txn);
            return;
        }
        producers.get(txn.transactionalId()).abortTransaction();
        release(txn);
    }

    private void release(KafkaTransaction txn) {
        inUse.remove(txn.token());
        freeIds.addLast(txn.transactionalId());
    }

    /**
     * Closes the producers; those of transactions still in use (pre-committed, waiting for their checkpoint) are
     * handed to the registry for a restored attempt instead. The caller aborts the open transaction first.
     */
    void close() {
        Set<String> keep = new LinkedHashSet<>();
        synchronized (REGISTRY) {
            for (KafkaTransaction txn : inUse.values()) {
                REGISTRY.put(txn.token(), new Lingering(txn.transactionalId(), producers.get(txn.transactionalId())));
                keep.add(txn.transactionalId());
                REAPER.schedule(() -> reap(txn.token()), transactionTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
        }
        producers.forEach((id, producer) -> {
            if (!keep.contains(id)) {
                producer.close(Duration.ZERO);
            }
        });
        producers.clear();
        inUse.clear();
        freeIds.clear();
    }

    private static void closeAborting(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.debug("Aborting a lingering Kafka transaction failed; re-initializing its id aborts it", e);
        } finally {
            producer.close(Duration.ZERO);
        }
    }
}
