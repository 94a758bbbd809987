package io.runnel.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.datagen.SequenceSource;
import io.runnel.connector.testing.PlannedFailures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.xa.PGXADataSource;

/**
 * The XA sink end to end against a real PostgreSQL server started for this class: a job with checkpoints every
 * 20 ms and failures injected at seeded records writes (id, value) rows with a plain INSERT into a table without
 * a key, so a duplicate would show as a second row; the committed table must hold every id exactly once. The number
 * of seeds is {@code runnel.jdbc.xa.seeds} (20 in {@code mvn verify}); the parallelism is 1, 2 or 3 by seed.
 */
class JdbcXaSinkIT {

    /** Ten polls of the sequence source's reader (it emits 1,024 numbers per poll, and a barrier waits for a poll). */
    private static final long SPLIT_SIZE = 10_240;
    private static final int FAILURES = 2;
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

    static IntStream seeds() {
        return IntStream.rangeClosed(1, Integer.getInteger("runnel.jdbc.xa.seeds", 20));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyRecordIsCommittedExactlyOnceDespiteInjectedFailures(int seed) throws Exception {
        String table = "xa_" + seed;
        pg.execute("CREATE TABLE " + table + " (id BIGINT NOT NULL, v BIGINT NOT NULL)");
        Random random = new Random(seed);
        int parallelism = 1 + seed % 3;
        long n = SPLIT_SIZE * parallelism;
        long[] positions = new long[FAILURES];
        for (int i = 0; i < FAILURES; i++) {
            positions[i] = SPLIT_SIZE / 20 + random.nextInt((int) (SPLIT_SIZE * 4 / 10));
        }
        Arrays.sort(positions);
        String runId = "xa-" + seed;

        Configuration conf = new Configuration();
        conf.setString("state.checkpoints.dir", dir.toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(20), CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelay(FAILURES + 2, Duration.ZERO));
        env.fromSource(new SequenceSource(1, n), "numbers")
                .map(FailureInjector.plan(runId, 100, SPLIT_SIZE, positions))
                .addSink(JdbcSink.exactlyOnce("xa-it-" + seed, "INSERT INTO " + table + " (id, v) VALUES (?, ?)",
                        JdbcXaSinkIT::idAndSquare, JdbcExecutionOptions.defaults().withBatchSize(500),
                        JdbcConnectionOptions.of(pg.jdbcUrl())));

        PlannedFailures.execute(env, "xa sink, seed " + seed, t -> t instanceof FailureInjector.InjectedFailure);

        assertEquals(FAILURES, FailureInjector.failures(runId), "every planned failure happened");
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            // Counted: N rows; no duplicate: N distinct ids; none missing: they are 1..N; each with its value.
            ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), min(id), max(id), "
                    + "count(*) FILTER (WHERE v <> id * id) FROM " + table);
            rs.next();
            assertEquals(Arrays.toString(new long[] {n, n, 1, n, 0}), Arrays.toString(new long[] {rs.getLong(1),
                    rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}),
                    "rows, distinct ids, min id, max id, wrong values");
            assertEquals(0, preparedTransactions(c), "prepared transactions left behind");
        }
    }

    /**
     * A fresh start rolls back what a crashed run of the same sink and subtask left prepared, and leaves alone the
     * prepared branches of another sink and of the same subtask index at another parallelism.
     */
    @Test
    void aFreshStartRollsBackOnlyItsOwnSubtasksStrayBranches() throws Exception {
        pg.execute("CREATE TABLE xa_stray (id BIGINT NOT NULL, v BIGINT NOT NULL)");
        long sink = JdbcXaSinkFunction.sinkId("stray-sink");
        XaTransaction own = XaTransaction.create(sink, 0, 1, 7, 0);
        XaTransaction otherParallelism = XaTransaction.create(sink, 0, 2, 7, 0);
        XaTransaction otherSink = XaTransaction.create(JdbcXaSinkFunction.sinkId("another-sink"), 0, 1, 7, 0);
        PGXADataSource ds = new PGXADataSource();
        ds.setUrl(pg.jdbcUrl());
        for (XaTransaction t : List.of(own, otherParallelism, otherSink)) {
            XAConnection c = ds.getXAConnection();
            try {
                c.getXAResource().start(t, XAResource.TMNOFLAGS);
                c.getConnection().createStatement().execute("INSERT INTO xa_stray VALUES (-1, -1)");
                c.getXAResource().end(t, XAResource.TMSUCCESS);
                c.getXAResource().prepare(t);
            } finally {
                c.close();
            }
        }

        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(1);
        env.fromSource(new SequenceSource(1, 100), "numbers")
                .addSink(JdbcSink.exactlyOnce("stray-sink", "INSERT INTO xa_stray (id, v) VALUES (?, ?)",
                        JdbcXaSinkIT::idAndSquare, JdbcExecutionOptions.defaults(),
                        JdbcConnectionOptions.of(pg.jdbcUrl())));
        env.execute("xa sink after a crash");

        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id), min(id), max(id) FROM xa_stray");
            rs.next();
            assertEquals("100 100 1 100", rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3) + " "
                    + rs.getLong(4));
            assertEquals(2, preparedTransactions(c), "the other sink's and parallelism's branches stay prepared");
        }
        XAConnection c = ds.getXAConnection();
        try {
            c.getXAResource().rollback(otherParallelism);
            c.getXAResource().rollback(otherSink);
        } finally {
            c.close();
        }
    }

    @Test
    void theXaSinkNeedsPostgres() {
        assertThrows(IllegalArgumentException.class, () -> JdbcSink.exactlyOnce("x", "INSERT", (ps, v) -> { },
                JdbcExecutionOptions.defaults(), JdbcConnectionOptions.of("jdbc:mysql://localhost/db")));
    }

    private static long preparedTransactions(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT count(*) FROM pg_prepared_xacts")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void idAndSquare(PreparedStatement ps, Long v) throws SQLException {
        ps.setLong(1, v);
        ps.setLong(2, v * v);
    }
}
