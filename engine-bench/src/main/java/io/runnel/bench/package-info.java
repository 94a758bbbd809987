/**
 * Throughput benchmarks of the engine against hand-written single-thread loops doing the same work, run by
 * {@code ./runnel-bench} (entry point {@link io.runnel.bench.Benchmarks}).
 *
 * <p>Roles: {@code Workload} (W1 {@code MapFilterWorkload}, W2 and W2-RocksDB {@code ZipfWordCountWorkload}, W3
 * {@code AuctionWindowWorkload} with its loop's windowing in {@code BidWindowLoop}, W4-heap and W4-RocksDB
 * {@code CheckpointedWordCountWorkload}, W5 {@code RecoveryWorkload}) builds the job and the loop;
 * {@code CountingSink} counts and checksums what reaches the end; {@code IndexedSource} is a FLIP-27 source of the
 * records of an {@code IndexedGenerator} ({@code ZipfWordGenerator}, {@code BidGenerator}), whose record at an
 * index depends only on (seed, index) ({@code DrawCursor}, {@code ZipfTable}); {@code BenchmarkRunner} forks one
 * JVM per measurement ({@code ForkLauncher}), each of which runs {@code ForkMeasurement}; {@code ResultTable} prints
 * the figures. {@code LargeStateCheck} is the RocksDB state-beyond-memory check, run in its own fork.
 *
 * <p>Checkpoints and recovery (W4, W5): W4 is W2's job with exactly-once checkpoints every second into a
 * temporary directory per run ({@code CheckpointedRun}), whose statistics become {@code CheckpointFigures} per run
 * and a {@code CheckpointSummary} per fork, printed by {@code CheckpointTable} next to the ratio to W2 (W4-RocksDB:
 * to W2-RocksDB) measured in the same invocation. W5 adds a {@code FailureInjector} that throws once per run at
 * record 10M (a static flag per run id survives the replay after the restore) and restarts with no delay; it
 * reports the engine's failure-to-first-record time. As a sink writer has no state, W5 counts its checksum in a
 * {@code CheckpointedChecksum} step whose totals are restored with the keyed state, so that the checksum equals
 * W2's exactly when the state was restored exactly once; every W4 and W5 fork checks that against W2's loop
 * after its measured runs and fails otherwise.
 */
package io.runnel.bench;
