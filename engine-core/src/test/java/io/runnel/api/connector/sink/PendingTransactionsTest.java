package io.runnel.api.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pre-committed transactions are committed in checkpoint order, up to the notified id, each once. */
class PendingTransactionsTest {

    private final PendingTransactions<String> pending = new PendingTransactions<>();
    private final List<String> committed = new ArrayList<>();

    private void add(long id) {
        pending.add(id, new TransactionHolder<>("t" + id, 0));
    }

    @Test
    void commitsEveryTransactionUpToTheIdInOrder() throws Exception {
        add(3);
        add(1);
        add(2);
        add(5);
        assertEquals(3, pending.commitUpTo(3, (id, t) -> committed.add(t.handle())));
        assertEquals(List.of("t1", "t2", "t3"), committed);
        assertEquals(1, pending.size());
        assertEquals(0, pending.commitUpTo(4, (id, t) -> committed.add(t.handle())), "nothing of 4");
        pending.commitUpTo(5, (id, t) -> committed.add(t.handle()));
        assertEquals(List.of("t1", "t2", "t3", "t5"), committed);
    }

    @Test
    void aMissedNotificationIsMadeUpByTheNextAndAnOldOneCommitsNothingTwice() throws Exception {
        add(1);
        add(2);
        pending.commitUpTo(2, (id, t) -> committed.add(t.handle()));
        pending.commitUpTo(1, (id, t) -> committed.add(t.handle()));
        assertEquals(List.of("t1", "t2"), committed);
    }

    @Test
    void aFailureInTheMiddleStillTriesTheRestAndReportsTheFirstError() {
        add(1);
        add(2);
        add(3);
        IllegalStateException first = new IllegalStateException("t2 failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pending.commitUpTo(3,
                (id, t) -> {
                    if (id == 2) {
                        throw first;
                    }
                    committed.add(t.handle());
                }));
        assertSame(first, thrown);
        assertEquals(List.of("t1", "t3"), committed);
        assertEquals(0, pending.size(), "failed ones are not retried by a later notification");
    }

    @Test
    void oneTransactionPerCheckpoint() {
        add(1);
        assertThrows(IllegalStateException.class, () -> add(1));
    }
}
