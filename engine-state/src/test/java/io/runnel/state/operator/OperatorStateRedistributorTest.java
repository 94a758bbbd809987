package io.runnel.state.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OperatorStateRedistributorTest {

    private static final ListStateDescriptor<Long> OFFSETS = new ListStateDescriptor<>("offsets", Long.class);
    private static final ListStateDescriptor<Long> SEEN = new ListStateDescriptor<>("seen", Long.class);

    /** Old instance i holds sizes[i] offsets and one union element. */
    private static List<OperatorStateSnapshot> oldInstances(int[] sizes) {
        List<OperatorStateSnapshot> snapshots = new ArrayList<>();
        long next = 0;
        for (int i = 0; i < sizes.length; i++) {
            DefaultOperatorStateBackend backend = new DefaultOperatorStateBackend();
            ListState<Long> offsets = backend.getListState(OFFSETS);
            for (int k = 0; k < sizes[i]; k++) {
                offsets.add(next++);
            }
            backend.getUnionListState(SEEN).add(1000L + i);
            snapshots.add(backend.snapshot());
        }
        return snapshots;
    }

    private static List<Long> list(ListState<Long> state) {
        List<Long> out = new ArrayList<>();
        state.get().forEach(out::add);
        return out;
    }

    @Test
    void evenSplitKeepsEveryElementOnceInOrderWithSharesDifferingByAtMostOne() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int[] sizes = new int[1 + random.nextInt(5)];
            long total = 0;
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = random.nextInt(10);
                total += sizes[i];
            }
            int newP = 1 + random.nextInt(6);
            List<OperatorStateSnapshot> shares = OperatorStateRedistributor.redistribute(oldInstances(sizes), newP);
            assertEquals(newP, shares.size());
            List<Long> concatenated = new ArrayList<>();
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (OperatorStateSnapshot share : shares) {
                DefaultOperatorStateBackend restored = new DefaultOperatorStateBackend(share);
                assertTrue(restored.isRestored());
                List<Long> mine = list(restored.getListState(OFFSETS));
                concatenated.addAll(mine);
                min = Math.min(min, mine.size());
                max = Math.max(max, mine.size());
                List<Long> union = list(restored.getUnionListState(SEEN));
                List<Long> expectedUnion = new ArrayList<>();
                for (int i = 0; i < sizes.length; i++) {
                    expectedUnion.add(1000L + i);
                }
                assertEquals(expectedUnion, union, "every instance gets the whole union list");
            }
            List<Long> expected = new ArrayList<>();
            for (long v = 0; v < total; v++) {
                expected.add(v);
            }
            assertEquals(expected, concatenated, Arrays.toString(sizes) + " -> " + newP);
            assertTrue(max - min <= 1, "shares " + min + ".." + max);
        }
    }

    @Test
    void aNameInTwoModesIsAnError() {
        DefaultOperatorStateBackend backend = new DefaultOperatorStateBackend();
        backend.getListState(OFFSETS);
        assertThrows(IllegalStateException.class, () -> backend.getUnionListState(OFFSETS));
    }

    @Test
    void snapshotsAreCopies() {
        DefaultOperatorStateBackend backend = new DefaultOperatorStateBackend();
        ListState<Long> offsets = backend.getListState(OFFSETS);
        offsets.add(1L);
        OperatorStateSnapshot snapshot = backend.snapshot();
        offsets.add(2L);
        assertEquals(List.of(1L), snapshot.states().get("offsets").elements());
        assertThrows(IllegalArgumentException.class,
                () -> OperatorStateRedistributor.redistribute(List.of(snapshot), 0));
    }
}
