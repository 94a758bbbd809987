package io.runnel.runtime.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.state.BroadcastState;
import io.runnel.api.state.MapStateDescriptor;
import io.runnel.state.operator.DefaultOperatorStateBackend;
import io.runnel.state.operator.OperatorStateRedistributor;
import io.runnel.state.operator.OperatorStateSnapshot;
import io.runnel.state.operator.OperatorStateSnapshotIO;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Broadcast state survives a snapshot and a restore at a higher and a lower parallelism, in every instance. */
class BroadcastStatesSnapshotTest {

    private static final MapStateDescriptor<String, Long> RULES = new MapStateDescriptor<>("rules", String.class,
            Long.class);

    @Test
    void everyNewInstanceGetsTheWholeMaps() throws Exception {
        List<OperatorStateSnapshot> old = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            DefaultOperatorStateBackend backend = new DefaultOperatorStateBackend();
            BroadcastStates states = new BroadcastStates(List.of(RULES), backend);
            BroadcastState<String, Long> rules = states.get(RULES);
            rules.put("a", 1L);
            rules.put("b", 2L);
            states.snapshot();
            rules.put("after-the-snapshot", 3L);
            byte[] bytes = OperatorStateSnapshotIO.write(backend.snapshot());
            old.add(OperatorStateSnapshotIO.read(new ByteArrayInputStream(bytes), getClass().getClassLoader(),
                    "instance " + instance));
        }
        for (int parallelism : new int[] {1, 3}) {
            List<OperatorStateSnapshot> shares = OperatorStateRedistributor.redistribute(old, parallelism);
            for (OperatorStateSnapshot share : shares) {
                BroadcastStates restored = new BroadcastStates(List.of(RULES), new DefaultOperatorStateBackend(share));
                Map<String, Long> entries = new TreeMap<>();
                restored.get(RULES).entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
                assertEquals(Map.of("a", 1L, "b", 2L), entries, "parallelism " + parallelism);
            }
        }
    }
}
