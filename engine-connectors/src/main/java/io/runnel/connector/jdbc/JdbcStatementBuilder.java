package io.runnel.connector.jdbc;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets the parameters of the sink's statement from one record.
 *
 * <pre>{@code
 * JdbcStatementBuilder<Row> builder = (ps, row) -> { ps.setLong(1, row.id()); ps.setString(2, row.value()); };
 * }</pre>
 *
 * <p><b>Contract:</b> sets every parameter of the statement; must not execute it. For exactly-once results the
 * parameters must depend on the record only.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface JdbcStatementBuilder<T> extends Serializable {

    /**
     * @param statement the prepared statement of the sink
     * @param record the record to write
     * @throws SQLException to fail the write
     */
    void accept(PreparedStatement statement, T record) throws SQLException;
}
