package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the large-state check's job in this JVM on a few thousand keys. */
class LargeStateCheckIT {

    @Test
    void writesAndVerifiesEveryKeyInRocksDb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = LargeStateCheck.run(5_000, out);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        String line = printed.lines().filter(l -> l.startsWith(LargeStateCheck.PREFIX)).findFirst().orElseThrow();
        assertTrue(line.contains(" verified=5000 mismatches=0 "), line);
        long diskBytes = Long.parseLong(line.replaceAll(".* diskBytes=(\\d+) .*", "$1"));
        assertTrue(diskBytes > 0, line);
    }
}
