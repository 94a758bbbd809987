package io.runnel.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyGroupRangeAssignmentTest {

    @ParameterizedTest
    @CsvSource({"128,1", "128,2", "128,3", "128,7", "128,128", "1,1", "4096,13"})
    void rangesPartitionAllKeyGroupsAndAgreeWithOperatorIndex(int maxParallelism, int parallelism) {
        int next = 0;
        for (int i = 0; i < parallelism; i++) {
            KeyGroupRange r = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism,
                    parallelism, i);
            assertEquals(next, r.startKeyGroup(), "ranges are contiguous");
            for (int g = r.startKeyGroup(); g <= r.endKeyGroup(); g++) {
                assertEquals(i, KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(maxParallelism,
                        parallelism, g));
            }
            next = r.endKeyGroup() + 1;
        }
        assertEquals(maxParallelism, next, "ranges cover [0, maxParallelism)");
    }

    @ParameterizedTest
    @CsvSource({"128", "7", "1"})
    void keyGroupsAreInRangeAndSpreadSequentialKeys(int maxParallelism) {
        int[] counts = new int[maxParallelism];
        for (int key = 0; key < 100_000; key++) {
            int g = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
            assertTrue(g >= 0 && g < maxParallelism);
            counts[g]++;
        }
        int expected = 100_000 / maxParallelism;
        for (int c : counts) {
            assertTrue(Math.abs(c - expected) < expected * 0.2 + 10, "uneven spread: " + c + " vs " + expected);
        }
    }
}
