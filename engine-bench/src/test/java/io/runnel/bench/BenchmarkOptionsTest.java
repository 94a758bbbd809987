package io.runnel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
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
    void forksRepeatEachMeasurementAndTheMedianForkIsReported() {
        assertEquals(1, BenchmarkOptions.parse(new String[0]).forks());
        assertEquals(3, BenchmarkOptions.parse(new String[] {"--forks", "3"}).forks());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {"--forks", "0"}));
        ForkSpec spec = ForkSpec.engine("W3", 1);
        List<ForkResult> forks = List.of(new ForkResult(spec, 8.0e6, 1, 7, 10), new ForkResult(spec, 6.0e6, 1, 7, 12),
                new ForkResult(spec, 7.0e6, 1, 7, 11));
        assertEquals(7.0e6, BenchmarkRunner.medianFork(forks).recordsPerSecond());
        assertEquals(6.0e6, BenchmarkRunner.medianFork(forks.subList(0, 2)).recordsPerSecond(),
                "of two, the lower one");
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
    void w4NamesBothBackendsAndCheckpointedWorkloadsHaveNoLoopOfTheirOwn() {
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--workloads", "W2,W4,w5,W4-heap",
            "--parallelism", "1"});
        assertEquals(List.of("W2", "W4-heap", "W4-RocksDB", "w5"), o.workloads());
        assertEquals(List.of("W2 engine p1", "W2 loop", "W4-HEAP engine p1", "W4-ROCKSDB engine p1", "W5 engine p1"),
                new BenchmarkRunner(o, System.out).plan().stream().map(ForkSpec::label).toList());
        assertEquals(Optional.of("W2"), Workload.of("W5", 1).reference());
        assertEquals(Optional.of("W4-heap"), Workload.of("W5", 1).baseline());
        assertEquals(Optional.of("W2-RocksDB"), Workload.of("W4-RocksDB", 1).baseline());
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
    void resultLineWithCheckpointsAndRecoveriesRoundTrips() {
        ForkResult r = new ForkResult(ForkSpec.engine("W5", 1), 2.5e6, 20_000_000, 77, 8000,
                new CheckpointSummary(7, 1, 12.5, 1_600_000.5, 1_700_000), List.of(8.25, 9.5, 7.125));
        assertEquals(r, ForkResult.parse(r.toLine()));
        assertEquals(8.25, r.medianRecoveryMillis());
    }

    @Test
    void checkpointSummaryPoolsTheRunsCheckpoints() {
        CheckpointSummary s = CheckpointSummary.of(List.of(
                new CheckpointFigures(List.of(10L, 30L), List.of(100L, 200L), 0),
                new CheckpointFigures(List.of(20L, 40L, 50L), List.of(300L, 400L, 500L), 1)));
        assertEquals(new CheckpointSummary(2.5, 1, 30, 300, 500), s);
    }

    @Test
    void checkpointTableShowsRatiosToTheBaselineAndTheTargets() {
        ResultTable table = new ResultTable();
        table.add(new ForkResult(ForkSpec.engine("W2", 1), 3e6, 5, 7, 100));
        table.add(new ForkResult(new ForkSpec("W2", ForkSpec.LOOP), 6e6, 5, 7, -1));
        table.add(new ForkResult(ForkSpec.engine("W4-heap", 1), 2.91e6, 5, 7, 100,
                new CheckpointSummary(7, 0, 12, 1.6e6, 1_650_000), List.of()));
        table.add(new ForkResult(ForkSpec.engine("W5", 1), 2.5e6, 5, 7, 100,
                new CheckpointSummary(7, 1, 60, 1.6e6, 1_650_000), List.of(20.0)));
        String text = table.render(List.of("W2", "W4-heap", "W5"), List.of(1));
        assertEquals(true, text.contains("= W2 loop"), text);
        assertEquals(true, text.contains("0.970"), text);
        assertEquals(true, text.contains("W4-HEAP p1 / W2 throughput"), text);
        assertEquals(true, text.contains("20.0 (20.0)"), text);
        assertEquals(1, text.lines().filter(l -> l.contains("MISSED")).count(), text);
        assertEquals(true, text.contains("(target >= 0.95) met"), text);
        assertEquals(0, table.mismatches().size(), text);
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
