package io.runnel.connector.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The topics a {@link KafkaSource} reads: a fixed list, or every topic whose name matches a pattern.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param topics the topic names, or null for a pattern
 * @param pattern the topic name pattern (whole-name match), or null for a list
 */
record KafkaSubscription(List<String> topics, Pattern pattern) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @return the partitions of the subscribed topics; a listed topic that does not exist fails */
    List<PartitionInfo> partitions(Consumer<?, ?> consumer, Duration timeout) {
        List<PartitionInfo> out = new ArrayList<>();
        if (topics != null) {
            for (String topic : topics) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
                if (partitions == null || partitions.isEmpty()) {
                    throw new IllegalStateException("Kafka topic " + topic + " does not exist");
                }
                out.addAll(partitions);
            }
            return out;
        }
        consumer.listTopics(timeout).forEach((topic, partitions) -> {
            if (pattern.matcher(topic).matches()) {
                out.addAll(partitions);
            }
        });
        return out;
    }

    @Override
    public String toString() {
        return topics != null ? "topics " + topics : "topics matching " + pattern;
    }
}
