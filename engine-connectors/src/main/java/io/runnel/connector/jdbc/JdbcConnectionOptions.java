package io.runnel.connector.jdbc;

import io.runnel.annotation.Public;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where a JDBC sink connects: a JDBC URL and optional credentials.
 *
 * <pre>{@code
 * JdbcConnectionOptions.of("jdbc:postgresql://127.0.0.1:5432/app").withCredentials("app", secret)
 * }</pre>
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param url the JDBC URL
 * @param user the user name, or null to take it from the URL
 * @param password the password, or null
 */
@Public
public record JdbcConnectionOptions(String url, String user, String password) implements Serializable {

    /** @throws NullPointerException if {@code url} is null */
    public JdbcConnectionOptions {
        Objects.requireNonNull(url, "url");
    }

    /** @return options for {@code url} with the credentials it holds, if any */
    public static JdbcConnectionOptions of(String url) {
        return new JdbcConnectionOptions(url, null, null);
    }

    /** @return a copy with these credentials */
    public JdbcConnectionOptions withCredentials(String user, String password) {
        return new JdbcConnectionOptions(url, user, password);
    }

    /** @return a new connection through {@link DriverManager} */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "JdbcConnectionOptions[url=" + url + ", user=" + user + "]";
    }
}
