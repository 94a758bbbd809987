package io.runnel.connector.jdbc;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test class: {@code initdb} in a fresh temporary directory, started with
 * {@code pg_ctl} on a free port of 127.0.0.1 (fsync off, {@code max_prepared_transactions=16} so XA works), stopped
 * and deleted by {@link #close()}. {@code initdb} refuses to run as root, so as root both run as the
 * {@code postgres} user through {@code runuser}. The binaries are found in {@code $RUNNEL_PG_BIN}, else in the
 * newest {@code /usr/lib/postgresql/<version>/bin} (Debian's layout), else on the {@code PATH}; {@code .ci/run}
 * installs Debian's {@code postgresql} package when they are absent.
 *
 * <pre>{@code
 * static PostgresServer pg;
 * @BeforeAll static void start() throws Exception { pg = PostgresServer.start(); }
 * @AfterAll static void stop() { pg.close(); }
 * ... try (Connection c = pg.connect()) { ... }
 * }</pre>
 *
 * <p><b>Threading:</b> {@link #start()} and {@link #close()} from one thread; {@link #connect()} from any.
 */
final class PostgresServer implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path bin;
    private final Path base;
    private final Path data;
    private final int port;
    private final Thread shutdownHook;
    private boolean closed;

    private PostgresServer(Path bin, Path base, int port) {
        this.bin = bin;
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-stop-" + port);
    }

    /**
     * Creates and starts a cluster; retries on another port if the chosen one was taken meanwhile.
     *
     * @throws IOException if the binaries are missing or the cluster does not start
     */
    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = findBinaries();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Path base = Files.createTempDirectory("runnel-pg");
            // The postgres user must be able to enter the directory and create the data directory in it.
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
            PostgresServer server = new PostgresServer(bin, base, freePort());
            try {
                server.initAndStart();
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            } catch (IOException e) {
                server.stopQuietly();
                last = e;
            }
        }
        throw last;
    }

    /** @return the JDBC URL of the {@code postgres} database, as the {@code postgres} superuser */
    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    int port() {
        return port;
    }

    /** @return a new connection in auto-commit mode */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Runs a statement (or several, separated by semicolons) in auto-commit mode. */
    void execute(String sql) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Stops the server immediately and deletes its directory. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs (or ran) anyway.
        }
    }

    private void initAndStart() throws IOException, InterruptedException {
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale=C", "--no-sync"));
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", base.resolve("log").toString(),
                "-w", "-t", String.valueOf(TIMEOUT_SECONDS), "start", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_prepared_transactions=16"
                        + " -c max_connections=100"));
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "stop"));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop PostgreSQL in " + data + ": " + e);
        }
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + base + ": " + e);
        }
    }

    /** Runs a command (as the postgres user when we are root); fails with its output if it exits non-zero. */
    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("runnel-pg-cmd", ".log");
        try {
            Process process = new ProcessBuilder(full).directory(new File("/"))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", full));
            }
            if (process.exitValue() != 0) {
                String log = Files.exists(base.resolve("log"))
                        ? Files.readString(base.resolve("log"), StandardCharsets.UTF_8) : "";
                throw new IOException("exit code " + process.exitValue() + " from " + String.join(" ", full) + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8) + log);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Path findBinaries() throws IOException {
        String configured = System.getenv("RUNNEL_PG_BIN");
        if (configured != null && !configured.isEmpty()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::versionNumber));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))
                    && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        throw new IOException("PostgreSQL's initdb and pg_ctl were not found (looked in $RUNNEL_PG_BIN, "
                + "/usr/lib/postgresql/*/bin and the PATH); install Debian's postgresql package, as .ci/run does");
    }

    private static int versionNumber(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
