/**
 * Kafka connector on kafka-clients: {@link io.runnel.connector.kafka.KafkaSource} reads partitions as splits with
 * their offsets in checkpoints.
 */
package io.runnel.connector.kafka;
