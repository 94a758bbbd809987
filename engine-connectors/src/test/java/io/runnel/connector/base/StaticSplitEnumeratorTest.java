package io.runnel.connector.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.connector.testing.TestingSplitEnumeratorContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaticSplitEnumeratorTest {

    private static final TestingSplit A = new TestingSplit("a", 0);
    private static final TestingSplit B = new TestingSplit("b", 0);
    private static final TestingSplit C = new TestingSplit("c", 0);

    @Test
    void handsOutOneSplitPerRequestInOrderThenSignalsNoMoreSplits() {
        TestingSplitEnumeratorContext<TestingSplit> context = new TestingSplitEnumeratorContext<>(2);
        StaticSplitEnumerator<TestingSplit> enumerator = new StaticSplitEnumerator<>(context, List.of(A, B, C));
        enumerator.start();

        enumerator.handleSplitRequest(1);
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(1);
        assertFalse(context.noMoreSplitsSignalled(1));
        enumerator.handleSplitRequest(1);

        assertEquals(List.of(A, C), context.assignedTo(1));
        assertEquals(List.of(B), context.assignedTo(0));
        assertTrue(context.noMoreSplitsSignalled(1));
        assertFalse(context.noMoreSplitsSignalled(0));
    }

    @Test
    void splitsAddedBackAreHandedOutFirstAndSnapshotted() throws Exception {
        TestingSplitEnumeratorContext<TestingSplit> context = new TestingSplitEnumeratorContext<>(1);
        StaticSplitEnumerator<TestingSplit> enumerator = new StaticSplitEnumerator<>(context, List.of(A, B, C));
        enumerator.handleSplitRequest(0);
        enumerator.handleSplitRequest(0);

        enumerator.addSplitsBack(List.of(A, B), 0);

        assertEquals(List.of(A, B, C), enumerator.snapshotState(1));
        enumerator.handleSplitRequest(0);
        assertEquals(List.of(A, B, A), context.assignedTo(0));
    }
}
