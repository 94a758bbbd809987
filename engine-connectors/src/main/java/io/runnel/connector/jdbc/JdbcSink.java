package io.runnel.connector.jdbc;

import io.runnel.annotation.Public;
import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkFunction;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Entry points of the JDBC sinks.
 *
 * <pre>{@code
 * String sql = JdbcSink.upsertStatement("totals", List.of("id", "total"), List.of("id"));
 * stream.sinkTo(JdbcSink.upsert(sql, (ps, t) -> { ps.setLong(1, t.id()); ps.setLong(2, t.total()); },
 *         JdbcExecutionOptions.defaults(), JdbcConnectionOptions.of(url)));
 * }</pre>
 * (from {@code JdbcUpsertSinkIT})
 *
 * <p><b>Contract of {@link #upsert}:</b> one-phase. Each subtask batches its records and executes the batch in one
 * database transaction when it is full, at every checkpoint (the runtime flushes sinks then) and at the end of
 * input, so everything a checkpoint covers is committed. After a failure the job replays the records since the
 * last checkpoint, and the sink writes them again: the result is <b>exactly-once when the statement is idempotent
 * (an upsert by a key), the keys are deterministic and the replay is deterministic</b> (same records, same values);
 * otherwise it is at-least-once. A transient failure (an {@link java.sql.SQLTransientException}, or SQL state class
 * 08 connection, 40 transaction rollback, 53 insufficient resources or 57P01..57P03 shutdown) rolls the batch back,
 * reconnects if needed and retries it ({@link JdbcExecutionOptions#maxRetries()}); any other failure fails the task
 * with an error naming the statement, the failing record's position and the record. Key the stream by the
 * table's key ({@code keyBy}) when several subtasks write: then one row is written by one subtask only, which keeps
 * its updates in order and avoids lock waits and deadlocks between subtasks' transactions.
 *
 * <p>{@link #exactlyOnce} is the two-phase alternative for any statement; see there.
 *
 * <p><b>Threading:</b> the sinks are immutable; their writers are task-thread only.
 */
@Public
public final class JdbcSink {

    private JdbcSink() {
    }

    /**
     * @param sql an idempotent statement with parameters, e.g. from {@link #upsertStatement}
     * @param builder sets the statement's parameters from a record
     * @param execution batching and retries
     * @param connection where to connect
     * @param <T> the record type
     * @return a one-phase sink, exactly-once under the conditions above
     */
    public static <T> Sink<T> upsert(String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions execution,
                                     JdbcConnectionOptions connection) {
        return new JdbcUpsertSink<>(sql, builder, execution, connection);
    }

    /**
     * An exactly-once sink through XA (two-phase commit) transactions of PostgreSQL ({@code PGXADataSource}); add it
     * with {@code DataStream.addSink}. The server needs {@code max_prepared_transactions} of at least twice the
     * sink's parallelism (a prepared branch per subtask and checkpoint until the checkpoint completes).
     *
     * <p><b>Contract:</b> each subtask writes its records into one XA branch per checkpoint interval (started at its
     * first record, executed in batches of {@link JdbcExecutionOptions#batchSize()}), prepared when the checkpoint's
     * barrier passes and committed when the checkpoint completes; at the end of input the last branch is prepared and
     * committed at once. On restore the branches of completed checkpoints are committed (one that is gone was
     * committed already), and every other prepared branch of the old subtasks whose state the subtask received (found
     * with XA recover by their Xid prefix: the sink's name and the old subtask index) is rolled back, so records are
     * replayed into new branches only.
     * Hence every record's effect is committed exactly once, whatever the statement (a plain {@code INSERT} will do),
     * with one exception inherited from {@code TwoPhaseCommitSinkFunction} until Runnel has a final checkpoint: a
     * subtask that reached the end of its input commits its last branch at once, and if another subtask then fails,
     * the restore replays the finished one's records since the last checkpoint a second time.
     * Rows are invisible to other readers until their checkpoint completes. Failures are not retried: they fail the
     * task and the job restores. {@link JdbcExecutionOptions#maxRetries()} and the batch interval are not used.
     *
     * @param name identifies the sink's transactions in the database: unique among the XA sinks that write to it
     *        (two sinks with one name would roll back each other's prepared branches on restore), and the same
     *        across restarts and savepoint restores of the job
     * @param sql the statement, with parameters
     * @param builder sets the statement's parameters from a record
     * @param execution the batch size
     * @param connection a {@code jdbc:postgresql:} URL and credentials
     * @param <T> the record type
     * @return the sink function
     */
    public static <T> SinkFunction<T> exactlyOnce(String name, String sql, JdbcStatementBuilder<T> builder,
                                                  JdbcExecutionOptions execution, JdbcConnectionOptions connection) {
        if (!connection.url().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the XA sink supports PostgreSQL only, not " + connection.url());
        }
        return new JdbcXaSinkFunction<>(name, sql, builder, execution, connection);
    }

    /**
     * Generates {@code INSERT INTO table (c1, c2, ...) VALUES (?, ?, ...) ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c}
     * for the non-key columns ({@code DO NOTHING} if every column is a key), as PostgreSQL (9.5+) and SQLite accept it.
     * Names are used as given: quote them yourself if they need it.
     *
     * @param table the table
     * @param columns all columns, in the order of the statement's parameters
     * @param keys the columns of a unique constraint or primary key, a subset of {@code columns}
     * @return the statement
     * @throws IllegalArgumentException if {@code keys} is empty or not a subset of {@code columns}
     */
    public static String upsertStatement(String table, List<String> columns, List<String> keys) {
        Objects.requireNonNull(table, "table");
        if (keys.isEmpty() || !columns.containsAll(keys)) {
            throw new IllegalArgumentException("keys " + keys + " must be a non-empty subset of columns " + columns);
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO ";
        List<String> updated = columns.stream().filter(c -> !keys.contains(c)).toList();
        if (updated.isEmpty()) {
            return insert + "NOTHING";
        }
        return insert + "UPDATE SET " + updated.stream().map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
    }
}
