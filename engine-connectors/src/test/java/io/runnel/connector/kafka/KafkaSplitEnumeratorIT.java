package io.runnel.connector.kafka;

import io.runnel.connector.testing.TestingSplitEnumeratorContext;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link KafkaSplitEnumerator} against a real broker: owners, late readers, restore, splits given back. */
class KafkaSplitEnumeratorIT {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopic("enum", 4);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static KafkaSplitEnumerator enumerator(TestingSplitEnumeratorContext<KafkaPartitionSplit> context,
                                                   boolean bounded, KafkaEnumeratorState state) {
        return new KafkaSplitEnumerator(context, new KafkaSubscription(List.of("enum"), null),
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), bounded, 0, state);
    }

    private static KafkaEnumeratorState fresh() {
        return new KafkaEnumeratorState(Set.of(), List.of());
    }

    @Test
    void assignsEachPartitionToItsOwnerOnceItRegisters() {
        TestingSplitEnumeratorContext<KafkaPartitionSplit> context = new TestingSplitEnumeratorContext<>(2);
        context.registerReader(0);
        KafkaSplitEnumerator e = enumerator(context, true, fresh());
        e.start();
        assertFalse(context.noMoreSplitsSignalled(1), "reader 1 has not registered");

        context.registerReader(1);
        e.addReader(1);

        for (int reader = 0; reader < 2; reader++) {
            for (KafkaPartitionSplit split : context.assignedTo(reader)) {
                assertEquals(reader, KafkaSplitEnumerator.owner("enum", split.partition(), 2), split.toString());
                assertEquals(KafkaPartitionSplit.UNSET_OFFSET, split.startingOffset());
            }
            assertTrue(context.noMoreSplitsSignalled(reader), "bounded: reader " + reader + " told it has all");
        }
        assertEquals(4, context.assignedTo(0).size() + context.assignedTo(1).size());
        assertEquals(List.of(), e.snapshotState(1).pendingSplits());
    }

    @Test
    void aRestoredEnumeratorAssignsOnlyPartitionsNeverAssignedAndThoseGivenBack() {
        TestingSplitEnumeratorContext<KafkaPartitionSplit> first = new TestingSplitEnumeratorContext<>(2);
        first.registerReader(0);
        KafkaSplitEnumerator e = enumerator(first, false, fresh());
        e.start();
        KafkaEnumeratorState state = e.snapshotState(1);
        assertEquals(2, state.pendingSplits().size(), "reader 1's partitions wait for it");

        TestingSplitEnumeratorContext<KafkaPartitionSplit> second = new TestingSplitEnumeratorContext<>(3);
        KafkaSplitEnumerator restored = enumerator(second, false, state);
        restored.start();
        for (int reader = 0; reader < 3; reader++) {
            second.registerReader(reader);
            restored.addReader(reader);
        }
        List<KafkaPartitionSplit> assigned = second.assignments().values().stream().flatMap(List::stream).toList();
        assertEquals(2, assigned.size(), "only the two pending partitions: " + assigned);
        assertFalse(second.noMoreSplitsSignalled(0), "unbounded: never told it has all");

        KafkaPartitionSplit back = new KafkaPartitionSplit("enum", assigned.get(0).partition(), 42, Long.MAX_VALUE);
        restored.addSplitsBack(List.of(back), 1);
        int owner = KafkaSplitEnumerator.owner("enum", back.partition(), 3);
        restored.addReader(owner);
        assertTrue(second.assignedTo(owner).contains(back), "given back with its offset, to its owner");
    }
}
