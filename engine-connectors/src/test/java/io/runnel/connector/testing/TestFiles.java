package io.runnel.connector.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Writes and reads test input files, plain or gzip by the {@code .gz} suffix, with plain Java I/O. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Writes the lines, each followed by {@code '\n'}; gzip if the name ends in {@code .gz}. */
    public static Path write(Path file, List<String> lines) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        return file;
    }

    /** Reads all lines; gunzips if the name ends in {@code .gz}. */
    public static List<String> read(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    /** @return the live threads whose name starts with {@code prefix} */
    public static List<Thread> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .toList();
    }
}
