package io.runnel.connector.kafka;

/**
 * The handle of one Kafka transaction of a {@link KafkaExactlyOnceSink}, as written into checkpoints: the
 * transactional id of the producer that runs it, and a token naming this very transaction (an id is reused by
 * later transactions).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param transactionalId the producer's {@code transactional.id}
 * @param token unique per transaction
 */
record KafkaTransaction(String transactionalId, String token) {
}
