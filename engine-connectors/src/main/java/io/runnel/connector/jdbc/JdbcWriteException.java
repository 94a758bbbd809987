package io.runnel.connector.jdbc;

import io.runnel.annotation.Public;
import java.sql.SQLException;

/** A JDBC sink could not write a batch: names the statement and, when it could be found, the failing record. */
@Public
public final class JdbcWriteException extends Exception {

    private static final long serialVersionUID = 1L;

    JdbcWriteException(String message, SQLException cause) {
        super(message, cause);
    }
}
