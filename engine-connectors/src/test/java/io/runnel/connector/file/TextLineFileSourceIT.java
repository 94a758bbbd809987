package io.runnel.connector.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.connector.collect.CollectSink;
import io.runnel.connector.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextLineFileSourceIT {

    @TempDir
    Path dir;

    @Test
    void everyLineOfPlainAndGzipFilesArrivesExactlyOnce() throws Exception {
        for (int f = 0; f < 6; f++) {
            int count = f * 1700 + 3;
            List<String> lines = IntStream.range(0, count).mapToObj(i -> "line " + i + " ✓ of file").toList();
            TestFiles.write(dir.resolve("input-" + f + (f % 2 == 0 ? ".txt" : ".txt.gz")), lines);
        }
        TestFiles.write(dir.resolve("empty.txt"), List.of());
        List<String> expected = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                expected.addAll(TestFiles.read(p));
            }
        }
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(4);

        List<String> out = CollectSink.executeAndCollect(env.fromSource(new TextLineFileSource(dir), "lines"),
                "read lines");

        Collections.sort(expected);
        Collections.sort(out);
        assertEquals(expected.size(), out.size());
        assertEquals(expected, out);
    }
}
