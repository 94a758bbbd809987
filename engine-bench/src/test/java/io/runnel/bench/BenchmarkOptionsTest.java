package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void parsesTheRunnerOptionsAndPassesThemToForks() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--workloads", "W2", "--records-scale", "0.02",
            "--runs", "5", "--warmups", "1"});
        assertEquals(List.of("W2"), o.workloads());
        assertEquals(List.of(1, 2), o.parallelisms());
        assertEquals(List.of("--fork", "W2", "1", "--records-scale", "0.02", "--warmups", "1", "--runs", "5"),
                o.forkArguments(ForkSpec.engine("W2", 1)));
        BenchmarkOptions fork = BenchmarkOptions.parse(o.forkArguments(new ForkSpec("W2", ForkSpec.LOOP))
                .toArray(String[]::new));
        assertEquals(new ForkSpec("W2", "loop"), fork.fork());
        assertEquals(0.02, fork.recordsScale());
        assertEquals(5, fork.runs());
    }

    @Test
    void runnerPlansEngineForksThenLoopForksPerWorkload() {
        BenchmarkRunner runner = new BenchmarkRunner(BenchmarkOptions.parse(new String[0]), System.out);
        assertEquals(List.of("W1 engine p1", "W1 engine p2", "W1 loop", "W1 loop-unboxed", "W2 engine p1",
                "W2 engine p2", "W2 loop"), runner.plan().stream().map(ForkSpec::label).toList());
    }

    @Test
    void acceptsTheOptInWorkloadsAndTheLargeStateCheck() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--workloads", "W2-RocksDB,w3"});
        assertEquals(List.of("W2-ROCKSDB engine p1", "W2-ROCKSDB engine p2", "W2-ROCKSDB loop", "W3 engine p1",
                "W3 engine p2", "W3 loop"), new BenchmarkRunner(o, System.out).plan().stream().map(ForkSpec::label)
                .toList());
        assertEquals("W2-RocksDB", Workload.of("w2-rocksdb", 1).name());
        BenchmarkOptions large = BenchmarkOptions.parse(new String[] {"--large-state", "--records-scale", "0.5"});
        assertEquals(true, large.largeState());
        assertEquals(1_000_000L, BenchmarkOptions.largeStateKeys(large.recordsScale()));
        List<String> command = new ForkLauncher(large, System.out).largeStateCommand(1_000_000L);
        assertEquals(List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", LargeStateCheck.class.getName(),
                "1000000"), command.subList(3, command.size()));
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--workloads", "W9"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--runs", "0"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--runs"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--frobnicate"}));
        assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse(new String[] {"--records-scale", "1e-9"}));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--fork", "W1", "x"}));
    }

    @Test
    void resultLineRoundTrips() {
        ForkResult r = new ForkResult(ForkSpec.engine("W1", 2), 12_345_678.9, 25_000_000, -42, 1234);
        assertEquals(r, ForkResult.parse(r.toLine()));
    }

    @Test
    void tableComputesRatioAndFlagsChecksumMismatch() {
        ResultTable table = new ResultTable();
        table.add(new ForkResult(ForkSpec.engine("W1", 1), 10e6, 5, 7, 100));
        table.add(new ForkResult(ForkSpec.engine("W1", 2), 15e6, 5, 8, 100));
        table.add(new ForkResult(new ForkSpec("W1", ForkSpec.LOOP), 40e6, 5, 7, -1));
        String text = table.render(List.of("W1"), List.of(1, 2));
        assertEquals(true, text.contains("0.250"), text);
        assertEquals(true, text.contains("MISMATCH"), text);
        assertEquals(1, table.mismatches().size(), text);
    }
}
