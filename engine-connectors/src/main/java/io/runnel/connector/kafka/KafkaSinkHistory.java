package io.runnel.connector.kafka;

/**
 * What a {@link KafkaExactlyOnceSink} remembers across restores besides its transactions: the highest parallelism
 * it ever ran with, so that after scaling down the transactional ids of subtasks that no longer exist are still
 * cleaned up.
 *
 * <p><b>Threading:</b> task thread only.
 */
final class KafkaSinkHistory {

    private int highestParallelism;

    /** For the serializer. */
    KafkaSinkHistory() {
    }

    KafkaSinkHistory(int highestParallelism) {
        this.highestParallelism = highestParallelism;
    }

    int highestParallelism() {
        return highestParallelism;
    }

    void recordParallelism(int parallelism) {
        highestParallelism = Math.max(highestParallelism, parallelism);
    }
}
