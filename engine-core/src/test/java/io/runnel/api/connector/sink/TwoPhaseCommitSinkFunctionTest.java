package io.runnel.api.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.functions.RuntimeContext;
import io.runnel.api.state.KeyedStateStore;
import io.runnel.api.state.OperatorStateStore;
import io.runnel.api.state.testing.InMemoryOperatorStateStore;
import io.runnel.api.typeutils.BasicSerializers;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The two phases against an in-memory "database" whose transactions are lists of strings: records land once,
 * in order, through missing and out-of-order notifications, restores (also twice from one checkpoint), a commit
 * failing in the middle of a batch, empty transactions and a transaction older than the timeout.
 */
class TwoPhaseCommitSinkFunctionTest {

    /** The external system: open and prepared transactions by id, and the committed rows. */
    static final class Database {
        final Map<Long, List<String>> open = new LinkedHashMap<>();
        final Map<Long, List<String>> prepared = new LinkedHashMap<>();
        final List<String> committed = new ArrayList<>();
        final List<Long> aborted = new ArrayList<>();
        long nextId;
        Long failCommitOf;
    }

    /** Writes strings into the database's transactions; a transaction is its id. */
    static final class Sink extends TwoPhaseCommitSinkFunction<String, Long, Void> {
        private static final long serialVersionUID = 1L;
        private final transient Database db;

        Sink(Database db) {
            super(BasicSerializers.LongSerializer.INSTANCE, null);
            this.db = db;
        }

        @Override
        protected Long beginTransaction() {
            long id = db.nextId++;
            db.open.put(id, new ArrayList<>());
            return id;
        }

        @Override
        protected void invoke(Long txn, String value, Context context) {
            db.open.get(txn).add(value);
        }

        @Override
        protected void preCommit(Long txn) {
            db.prepared.put(txn, db.open.remove(txn));
        }

        @Override
        protected void commit(Long txn) {
            if (txn.equals(db.failCommitOf)) {
                throw new IllegalStateException("commit of " + txn + " failed");
            }
            List<String> rows = db.prepared.remove(txn);
            if (rows != null) {
                db.committed.addAll(rows);
            }
        }

        @Override
        protected void abort(Long txn) {
            db.open.remove(txn);
            db.prepared.remove(txn);
            db.aborted.add(txn);
        }

        Sink timeout(long ms, boolean ignore) {
            setTransactionTimeout(ms);
            enableTransactionTimeoutWarnings(0.5);
            if (ignore) {
                ignoreFailuresAfterTransactionTimeout();
            }
            return this;
        }
    }

    /** Operator state that survives "restarts" as bytes, like a checkpoint. */
    static final class Store {
        final Map<String, List<byte[]>> checkpointed = new LinkedHashMap<>();
        InMemoryOperatorStateStore current;

        /** @return a fresh store restored from the last "checkpoint", for a new attempt */
        InMemoryOperatorStateStore restart() {
            current = new InMemoryOperatorStateStore(checkpointed);
            return current;
        }

        /** Takes a "checkpoint" of every list. */
        void checkpoint() {
            checkpointed.putAll(current.snapshot());
        }
    }

    private static Sink start(Database db, Store store) throws Exception {
        return start(db, store, false);
    }

    private static Sink start(Database db, Store store, boolean checkpointing) throws Exception {
        Sink sink = new Sink(db);
        sink.setRuntimeContext(runtimeContext(checkpointing));
        InMemoryOperatorStateStore operatorState = store.restart();
        sink.initializeState(new FunctionInitializationContext() {
            @Override
            public boolean isRestored() {
                return !store.checkpointed.isEmpty();
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return operatorState;
            }

            @Override
            public KeyedStateStore getKeyedStateStore() {
                throw new UnsupportedOperationException();
            }
        });
        return sink;
    }

    /** A runtime context that answers only whether checkpointing is on (all the sink asks). */
    private static RuntimeContext runtimeContext(boolean checkpointing) {
        return (RuntimeContext) Proxy.newProxyInstance(RuntimeContext.class.getClassLoader(),
                new Class<?>[] {RuntimeContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isCheckpointingEnabled")) {
                        return checkpointing;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void write(Sink sink, String... values) throws Exception {
        for (String v : values) {
            sink.invoke(v, null);
        }
    }

    private static void snapshot(Sink sink, Store store, long id) throws Exception {
        sink.snapshotState(new FunctionSnapshotContext() {
            @Override
            public long getCheckpointId() {
                return id;
            }

            @Override
            public long getCheckpointTimestamp() {
                return 0;
            }
        });
        store.checkpoint();
    }

    @Test
    void recordsBecomeVisibleOnlyWhenTheirCheckpointCompletesEvenWithMissingOrOutOfOrderNotices() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store);
        write(sink, "a", "b");
        snapshot(sink, store, 1);
        write(sink, "c");
        snapshot(sink, store, 2);
        write(sink, "d");
        assertEquals(List.of(), db.committed, "nothing before a completion");
        sink.notifyCheckpointAborted(1);
        sink.notifyCheckpointComplete(2);
        assertEquals(List.of("a", "b", "c"), db.committed, "2 covers the missed 1");
        sink.notifyCheckpointComplete(1);
        assertEquals(List.of("a", "b", "c"), db.committed, "a late notice commits nothing twice");
    }

    @Test
    void restoringTwiceFromOneCheckpointCommitsItsTransactionsOnceAndAbortsTheOpenOne() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store);
        write(sink, "a");
        snapshot(sink, store, 1);
        write(sink, "lost");
        // The job fails before checkpoint 1's notification: twice restored from it.
        for (int attempt = 0; attempt < 2; attempt++) {
            Sink restored = start(db, store);
            write(restored, "x" + attempt);
        }
        assertEquals(List.of("a"), db.committed);
        assertTrue(db.aborted.contains(1L), "the transaction open at the checkpoint was aborted: " + db.aborted);
    }

    @Test
    void aFailingCommitInTheMiddleOfABatchFailsAfterCommittingTheOthers() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store);
        for (long id = 1; id <= 3; id++) {
            write(sink, "r" + id);
            snapshot(sink, store, id);
        }
        db.failCommitOf = 1L;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.notifyCheckpointComplete(3));
        assertEquals("commit of 1 failed", e.getMessage());
        assertEquals(List.of("r1", "r3"), db.committed);
    }

    @Test
    void emptyTransactionsAndEndOfInputCommit() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store);
        snapshot(sink, store, 1);
        sink.notifyCheckpointComplete(1);
        assertEquals(List.of(), db.committed);
        write(sink, "last");
        sink.finish();
        assertEquals(List.of("last"), db.committed, "the end of input commits what no checkpoint will");
        sink.close();
    }

    @Test
    void withCheckpointingTheFinalCheckpointCommitsTheLastTransaction() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store, true);
        write(sink, "a");
        snapshot(sink, store, 1);
        write(sink, "b");
        sink.finish();
        assertEquals(List.of(), db.committed, "finish only pre-commits: a failure now must not leave 'b' committed");
        snapshot(sink, store, 2);
        sink.notifyCheckpointComplete(2);
        assertEquals(List.of("a", "b"), db.committed);
        sink.close();
        assertEquals(List.of("a", "b"), db.committed);

        // Restored from the final checkpoint, nothing is open and the committed transactions are not redone.
        Sink restored = start(db, store, true);
        restored.finish();
        snapshot(restored, store, 3);
        restored.notifyCheckpointComplete(3);
        assertEquals(List.of("a", "b"), db.committed);
        restored.close();
    }

    @Test
    void aFailureBeforeTheFinalCheckpointAbortsTheFinishedTransaction() throws Exception {
        Database db = new Database();
        Store store = new Store();
        Sink sink = start(db, store, true);
        write(sink, "a");
        snapshot(sink, store, 1);
        write(sink, "b");
        sink.finish();
        sink.close();
        assertEquals(List.of(), db.committed);
        assertEquals(List.of(1L), db.aborted, "the finished transaction, stored in no checkpoint");

        Sink restored = start(db, store, true);
        assertEquals(List.of("a"), db.committed, "the restore commits checkpoint 1's transaction");
        write(restored, "b");
        restored.finish();
        snapshot(restored, store, 2);
        restored.notifyCheckpointComplete(2);
        assertEquals(List.of("a", "b"), db.committed, "'b' once, from the replay");
        restored.close();
    }

    @Test
    void aCommitFailingAfterTheTimeoutIsIgnoredOnlyWhenConfigured() throws Exception {
        for (boolean ignore : new boolean[] {false, true}) {
            Database db = new Database();
            Store store = new Store();
            Sink sink = start(db, store).timeout(-1, ignore);
            write(sink, "old");
            snapshot(sink, store, 1);
            db.failCommitOf = 0L;
            if (ignore) {
                sink.notifyCheckpointComplete(1);
            } else {
                assertThrows(IllegalStateException.class, () -> sink.notifyCheckpointComplete(1));
            }
            assertEquals(List.of(), db.committed);
        }
    }
}
