package io.runnel.connector.jdbc;

import io.runnel.api.connector.sink.TwoPhaseCommitSinkFunction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.postgresql.xa.PGXADataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once XA sink behind {@link JdbcSink#exactlyOnce}; its contract is documented there.
 *
 * <p>Each subtask holds two XA connections: one writes the current transaction branch (started at its first
 * record, executed in batches, ended and prepared at the checkpoint barrier), the other commits and rolls back
 * prepared branches and lists them (PostgreSQL commits a prepared transaction only from a connection that is not
 * in a transaction, and the writing one usually is).
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> connects lazily (the base restores before {@code open}); {@link #close()} closes both.
 */
final class JdbcXaSinkFunction<T> extends TwoPhaseCommitSinkFunction<T, XaTransaction, Void> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcXaSinkFunction.class);

    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final JdbcExecutionOptions execution;
    private final JdbcConnectionOptions connection;
    private final long sinkId;

    private transient XAConnection writer;
    private transient PreparedStatement statement;
    private transient XAConnection committer;
    private transient long startNonce;
    private transient long counter;
    private transient int batched;

    JdbcXaSinkFunction(String name, String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions execution,
                       JdbcConnectionOptions connection) {
        super(new XaTransaction.Serializer(), null);
        this.sql = Objects.requireNonNull(sql, "sql");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.sinkId = sinkId(Objects.requireNonNull(name, "name"));
    }

    /** @return the first 8 bytes of the name's SHA-256 */
    static long sinkId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private int subtask() {
        return getRuntimeContext().getIndexOfThisSubtask();
    }

    @Override
    protected XaTransaction beginTransaction() {
        if (startNonce == 0) {
            startNonce = new SecureRandom().nextLong() | 1;
        }
        return XaTransaction.create(sinkId, subtask(), getRuntimeContext().getNumberOfParallelSubtasks(), startNonce,
                counter++);
    }

    @Override
    protected void invoke(XaTransaction transaction, T value, Context context) throws Exception {
        if (!transaction.started()) {
            writer().getXAResource().start(transaction, XAResource.TMNOFLAGS);
            transaction.markStarted();
        }
        builder.accept(statement, value);
        statement.addBatch();
        if (++batched >= execution.batchSize()) {
            executeBatch();
        }
    }

    private void executeBatch() throws SQLException {
        if (batched > 0) {
            batched = 0;
            statement.executeBatch();
        }
    }

    /** Executes the rest of the batch, ends the branch and prepares it; a branch without records is skipped. */
    @Override
    protected void preCommit(XaTransaction transaction) throws Exception {
        if (!transaction.started()) {
            return;
        }
        executeBatch();
        XAResource xa = writer().getXAResource();
        xa.end(transaction, XAResource.TMSUCCESS);
        xa.prepare(transaction);
        transaction.markPrepared();
    }

    @Override
    protected void commit(XaTransaction transaction) throws Exception {
        if (transaction.prepared()) {
            committer().getXAResource().commit(transaction, false);
        }
    }

    /** Rolls back an open branch on the writing connection, a prepared one on the other. */
    @Override
    protected void abort(XaTransaction transaction) throws Exception {
        if (transaction.prepared()) {
            rollbackPrepared(transaction);
        } else if (transaction.started() && writer != null) {
            XAResource xa = writer.getXAResource();
            statement.clearBatch();
            batched = 0;
            xa.end(transaction, XAResource.TMFAIL);
            xa.rollback(transaction);
        }
    }

    /** Commits a branch prepared for a completed checkpoint; if the branch is gone it was committed already. */
    @Override
    protected void recoverAndCommit(XaTransaction transaction) throws Exception {
        if (!transaction.prepared()) {
            return;
        }
        try {
            committer().getXAResource().commit(transaction, false);
        } catch (XAException e) {
            if (e.errorCode != XAException.XAER_NOTA) {
                throw e;
            }
            LOG.info("Subtask {}: {} was committed before the failure", subtask(), transaction);
        }
    }

    /**
     * The branch that was open at the restored checkpoint: a later checkpoint that never completed may have
     * prepared it, so roll it back if PostgreSQL knows it.
     */
    @Override
    protected void recoverAndAbort(XaTransaction transaction) throws Exception {
        rollbackPrepared(transaction);
    }

    /**
     * Rolls back every prepared branch that a failed attempt left and the restore did not handle. Whose branches
     * to look for: those of the old subtasks whose state this subtask received (the prefixes of the handled Xids:
     * at an unchanged parallelism that is this subtask's own prefix; after a rescale, the old subtasks' prefixes
     * hold the old parallelism, so they differ from every new subtask's); with no restored state, this subtask's
     * own. So no two subtasks look for the same prefix, and none rolls back a branch of another's current attempt.
     */
    @Override
    protected void finishRecoveringContext(List<XaTransaction> handled) throws Exception {
        Set<ByteBuffer> owners = new HashSet<>();
        for (XaTransaction t : handled) {
            owners.add(ByteBuffer.wrap(t.prefix()));
        }
        if (handled.isEmpty()) {
            owners.add(ByteBuffer.wrap(XaTransaction.prefix(sinkId, subtask(),
                    getRuntimeContext().getNumberOfParallelSubtasks())));
        }
        List<byte[]> prefixes = owners.stream().map(ByteBuffer::array).toList();
        List<Xid> stray = new ArrayList<>();
        for (Xid xid : committer().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            if (prefixes.stream().anyMatch(p -> XaTransaction.hasPrefix(xid, p))
                    && handled.stream().noneMatch(h -> XaTransaction.same(h, xid))) {
                stray.add(xid);
            }
        }
        for (Xid xid : stray) {
            LOG.info("Subtask {}: rolling back a prepared branch a failed attempt left: {}", subtask(), xid);
            rollbackPrepared(xid);
        }
    }

    private void rollbackPrepared(Xid xid) throws Exception {
        try {
            committer().getXAResource().rollback(xid);
        } catch (XAException e) {
            if (e.errorCode != XAException.XAER_NOTA) {
                throw e;
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } catch (Exception e) {
            // After a failure the connection may be broken; PostgreSQL rolls back an open branch when it closes.
            LOG.debug("Subtask {}: aborting the open transaction failed", subtask(), e);
        } finally {
            XAConnection w = writer;
            XAConnection c = committer;
            writer = null;
            statement = null;
            committer = null;
            closeQuietly(w);
            closeQuietly(c);
        }
    }

    private static void closeQuietly(XAConnection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing an XA connection failed", e);
            }
        }
    }

    private XAConnection writer() throws SQLException {
        if (writer == null) {
            writer = dataSource().getXAConnection();
            statement = writer.getConnection().prepareStatement(sql);
        }
        return writer;
    }

    private XAConnection committer() throws SQLException {
        if (committer == null) {
            committer = dataSource().getXAConnection();
        }
        return committer;
    }

    private PGXADataSource dataSource() {
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(connection.url());
        if (connection.user() != null) {
            ds.setUser(connection.user());
        }
        if (connection.password() != null) {
            ds.setPassword(connection.password());
        }
        return ds;
    }
}
