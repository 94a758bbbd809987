package io.runnel.connector.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Which SQL failures are worth a retry. */
final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * @return true for {@link SQLTransientException}, and for SQL states of class 08 (connection), 40 (transaction
     *         rollback: serialization failure, deadlock), 53 (insufficient resources) and 57P01..57P03 (shutdown),
     *         anywhere in the chain of causes and next exceptions
     */
    static boolean isTransient(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (isTransientOne(s)) {
                return true;
            }
            if (s.getCause() instanceof SQLException cause && cause != s && isTransientOne(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientOne(SQLException e) {
        if (e instanceof SQLTransientException) {
            return true;
        }
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
