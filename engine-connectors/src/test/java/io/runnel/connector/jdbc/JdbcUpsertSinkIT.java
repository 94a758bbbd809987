package io.runnel.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.connector.sink.SinkWriter;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.testing.TestingWriterInitContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-phase upsert sink against a real PostgreSQL server started for this class. */
class JdbcUpsertSinkIT {

    private static final long KEYS = 97;
    private static PostgresServer pg;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void finalTableEqualsAPlainMapOfTheLastValuePerKey() throws Exception {
        pg.execute("CREATE TABLE last_value (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        long n = 5_000;
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        String sql = JdbcSink.upsertStatement("last_value", List.of("id", "v"), List.of("id"));
        env.fromSource(new SequenceSource(1, n), "numbers")
                .sinkTo(JdbcSink.upsert(sql, JdbcUpsertSinkIT::keyAndValue,
                        JdbcExecutionOptions.defaults().withBatchSize(300), JdbcConnectionOptions.of(pg.jdbcUrl())));

        env.execute("upsert last values");

        Map<Long, Long> expected = new TreeMap<>();
        for (long v = 1; v <= n; v++) {
            expected.put(v % KEYS, v);
        }
        assertEquals(expected, table("last_value"));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void injectedFailuresWithCheckpointsEndWithTheExactTable(int seed) throws Exception {
        String table = "max_value_" + seed;
        pg.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        long n = 20_000;
        Random random = new Random(seed);
        long position = n / 10 + random.nextInt((int) (n / 2));
        String runId = "upsert-" + seed;

        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ZERO));
        // Keyed by the table's key, so each row is written by one subtask (without keying, two subtasks upserting
        // the same rows deadlock now and then, which the sink retries but PostgreSQL detects only after 1 s). The
        // order of one key's values still differs between attempts (they come from two source subtasks), so the
        // statement keeps the greatest: idempotent and order-independent.
        String sql = "INSERT INTO " + table + " (id, v) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET v = "
                + "GREATEST(" + table + ".v, EXCLUDED.v)";
        env.fromSource(new SequenceSource(1, n), "numbers")
                .map(FailureInjector.plan(runId, 50, n, position))
                .keyBy(v -> v % KEYS)
                .sinkTo(JdbcSink.upsert(sql, JdbcUpsertSinkIT::keyAndValue,
                        JdbcExecutionOptions.defaults().withBatchSize(200), JdbcConnectionOptions.of(pg.jdbcUrl())));

        env.execute("upsert with a failure, seed " + seed);

        assertEquals(1, FailureInjector.failures(runId), "the planned failure happened");
        Map<Long, Long> expected = new TreeMap<>();
        for (long v = 1; v <= n; v++) {
            expected.merge(v % KEYS, v, Math::max);
        }
        assertEquals(expected, table(table));
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        pg.execute("CREATE TABLE retried (id BIGINT PRIMARY KEY, v BIGINT NOT NULL)");
        AtomicInteger failuresLeft = new AtomicInteger(2);
        JdbcStatementBuilder<Long> flaky = (ps, v) -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new SQLTransientConnectionException("flaky");
            }
            keyAndValue(ps, v);
        };
        String sql = JdbcSink.upsertStatement("retried", List.of("id", "v"), List.of("id"));
        JdbcExecutionOptions options = JdbcExecutionOptions.defaults().withRetryBackoff(Duration.ofMillis(1));
        try (SinkWriter<Long> writer = JdbcSink.upsert(sql, flaky, options.withMaxRetries(2),
                JdbcConnectionOptions.of(pg.jdbcUrl())).createWriter(new TestingWriterInitContext(0, 1))) {
            writer.write(1L, null);
            writer.write(2L, null);
            writer.flush(true);
        }
        assertEquals(Map.of(1L, 1L, 2L, 2L), table("retried"));

        failuresLeft.set(2);
        try (SinkWriter<Long> writer = JdbcSink.upsert(sql, flaky, options.withMaxRetries(1),
                JdbcConnectionOptions.of(pg.jdbcUrl())).createWriter(new TestingWriterInitContext(0, 1))) {
            writer.write(3L, null);
            JdbcWriteException e = assertThrows(JdbcWriteException.class, () -> writer.flush(true));
            assertTrue(e.getMessage().contains("failed 2 times with transient errors"), e.getMessage());
        }
    }

    @Test
    void aFailingRecordIsNamedWithItsPositionAndTheStatement() throws Exception {
        pg.execute("CREATE TABLE checked (id BIGINT PRIMARY KEY, v BIGINT NOT NULL CHECK (v <> 7))");
        String sql = JdbcSink.upsertStatement("checked", List.of("id", "v"), List.of("id"));
        try (SinkWriter<Long> writer = JdbcSink.upsert(sql, JdbcUpsertSinkIT::keyAndValue,
                JdbcExecutionOptions.defaults().withBatchSize(4), JdbcConnectionOptions.of(pg.jdbcUrl()))
                .createWriter(new TestingWriterInitContext(1, 2))) {
            for (long v = 1; v <= 7; v++) {
                writer.write(v, null);
            }
            JdbcWriteException e = assertThrows(JdbcWriteException.class, () -> writer.flush(false));
            assertTrue(e.getMessage().contains("Subtask 1: statement [" + sql + "] failed for record 7 of this "
                    + "subtask (row 3 of a batch of 3) 7"), e.getMessage());
        }
        // The first batch (1..4) was committed; the failed one rolled back.
        assertEquals(Map.of(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L), table("checked"));
    }

    @Test
    void upsertStatementUpdatesTheNonKeyColumns() {
        assertEquals("INSERT INTO t (a, b, c) VALUES (?, ?, ?) ON CONFLICT (a) DO UPDATE SET b = EXCLUDED.b, "
                + "c = EXCLUDED.c", JdbcSink.upsertStatement("t", List.of("a", "b", "c"), List.of("a")));
        assertEquals("INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a, b) DO NOTHING",
                JdbcSink.upsertStatement("t", List.of("a", "b"), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> JdbcSink.upsertStatement("t", List.of("a"), List.of("x")));
    }

    private static void keyAndValue(PreparedStatement ps, Long v) throws SQLException {
        ps.setLong(1, v % KEYS);
        ps.setLong(2, v);
    }

    private static Map<Long, Long> table(String table) throws SQLException {
        Map<Long, Long> rows = new TreeMap<>();
        try (Connection c = pg.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, v FROM " + table)) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
