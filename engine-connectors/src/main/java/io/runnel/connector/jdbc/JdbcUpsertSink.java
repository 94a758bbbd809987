package io.runnel.connector.jdbc;

import io.runnel.api.connector.sink.Sink;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.connector.sink.WriterInitContext;
import java.util.Objects;

/**
 * The one-phase, batched JDBC sink behind {@link JdbcSink#upsert}; its contract is documented there.
 *
 * <p><b>Threading:</b> immutable; its writers are task-thread only.
 *
 * @param <T> the record type
 */
final class JdbcUpsertSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String sql;
    private final JdbcStatementBuilder<T> builder;
    private final JdbcExecutionOptions execution;
    private final JdbcConnectionOptions connection;

    JdbcUpsertSink(String sql, JdbcStatementBuilder<T> builder, JdbcExecutionOptions execution,
                   JdbcConnectionOptions connection) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.execution = Objects.requireNonNull(execution, "execution");
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Connects lazily: the first batch opens the connection. */
    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new JdbcUpsertSinkWriter<>(sql, builder, execution, connection, context.getSubtaskId());
    }
}
