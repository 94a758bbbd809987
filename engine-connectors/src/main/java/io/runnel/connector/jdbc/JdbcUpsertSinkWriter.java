package io.runnel.connector.jdbc;

import io.runnel.api.connector.sink.SinkWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers one subtask's records and executes them as one batch in one transaction; see {@link JdbcSink}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> connects at the first batch, reconnects after a transient failure, closes in {@link #close()}.
 */
final class JdbcUpsertSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUpsertSinkWriter.class);
    private static final int MAX_RECORD_CHARS = 200;

    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final JdbcExecutionOptions execution;
    private final JdbcConnectionOptions connectionOptions;
    private final int subtask;
    private final List<T> batch = new ArrayList<>();
    /** Records of this writer in executed batches: the position of the batch's first record is this plus one. */
    private long executed;
    private long lastExecutionNanos = System.nanoTime();
    private Connection connection;
    private PreparedStatement statement;

    JdbcUpsertSinkWriter(String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions execution,
                         JdbcConnectionOptions connectionOptions, int subtask) {
        this.sql = sql;
        this.builder = builder;
        this.execution = execution;
        this.connectionOptions = connectionOptions;
        this.subtask = subtask;
    }

    @Override
    public void write(T element, Context context) throws Exception {
        batch.add(element);
        long interval = execution.batchInterval().toNanos();
        if (batch.size() >= execution.batchSize()
                || (interval > 0 && System.nanoTime() - lastExecutionNanos >= interval)) {
            executeBatch();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws Exception {
        executeBatch();
    }

    @Override
    public void close() throws SQLException {
        closeConnection();
    }

    private void executeBatch() throws JdbcWriteException, InterruptedException {
        lastExecutionNanos = System.nanoTime();
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                executeOnce();
                break;
            } catch (SQLException e) {
                boolean retry = SqlErrors.isTransient(e) && attempt < execution.maxRetries();
                if (!retry) {
                    throw describe(e, attempt);
                }
                LOG.warn("Subtask {}: transient failure of a batch of {} rows of {} (attempt {} of {}), retrying",
                        subtask, batch.size(), sql, attempt + 1, execution.maxRetries() + 1, e);
                closeConnectionQuietly();
                Thread.sleep(execution.retryBackoff().toMillis() * (attempt + 1));
            }
        }
        executed += batch.size();
        batch.clear();
        lastExecutionNanos = System.nanoTime();
    }

    private void executeOnce() throws SQLException {
        ensureOpen();
        try {
            for (T record : batch) {
                builder.accept(statement, record);
                statement.addBatch();
            }
            statement.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void ensureOpen() throws SQLException {
        if (connection == null) {
            connection = connectionOptions.connect();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql);
        }
    }

    /** Builds the error; for a non-transient failure, first finds the failing record by executing row by row. */
    private JdbcWriteException describe(SQLException e, int attempt) {
        if (SqlErrors.isTransient(e)) {
            return new JdbcWriteException("Subtask " + subtask + ": a batch of " + batch.size() + " rows (records "
                    + (executed + 1) + ".." + (executed + batch.size()) + " of this subtask) of statement [" + sql
                    + "] failed " + (attempt + 1) + " times with transient errors; last: " + e.getMessage(), e);
        }
        int failing = findFailingRecord();
        if (failing < 0) {
            return new JdbcWriteException("Subtask " + subtask + ": statement [" + sql + "] failed for a batch of "
                    + batch.size() + " rows (records " + (executed + 1) + ".." + (executed + batch.size())
                    + " of this subtask): " + e.getMessage(), e);
        }
        String record = String.valueOf(batch.get(failing));
        if (record.length() > MAX_RECORD_CHARS) {
            record = record.substring(0, MAX_RECORD_CHARS) + "...";
        }
        return new JdbcWriteException("Subtask " + subtask + ": statement [" + sql + "] failed for record "
                + (executed + failing + 1) + " of this subtask (row " + (failing + 1) + " of a batch of "
                + batch.size() + ") " + record + ": " + e.getMessage(), e);
    }

    /** @return the index in the batch of the first record whose statement fails alone, or -1; rolls back */
    private int findFailingRecord() {
        try {
            ensureOpen();
            for (int i = 0; i < batch.size(); i++) {
                try {
                    builder.accept(statement, batch.get(i));
                    statement.executeUpdate();
                } catch (SQLException e) {
                    return i;
                }
            }
            return -1;
        } catch (SQLException e) {
            return -1;
        } finally {
            rollbackQuietly();
        }
    }

    private void rollbackQuietly() {
        try {
            if (statement != null) {
                statement.clearBatch();
            }
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("Subtask {}: rollback failed; the connection is closed", subtask, e);
            closeConnectionQuietly();
        }
    }

    private void closeConnectionQuietly() {
        try {
            closeConnection();
        } catch (SQLException e) {
            LOG.debug("Subtask {}: closing the connection failed", subtask, e);
        }
    }

    private void closeConnection() throws SQLException {
        Connection c = connection;
        connection = null;
        statement = null;
        if (c != null) {
            c.close();
        }
    }
}
