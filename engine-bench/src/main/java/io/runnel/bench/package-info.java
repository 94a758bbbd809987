/**
 * Throughput benchmarks of the engine against hand-written single-thread loops doing the same work, run by
 * {@code ./runnel-bench} (entry point {@link io.runnel.bench.Benchmarks}).
 *
 * <p>Roles: {@code Workload} (W1 {@code MapFilterWorkload}, W2 and W2-RocksDB {@code ZipfWordCountWorkload}, W3
 * {@code AuctionWindowWorkload} with its loop's windowing in {@code BidWindowLoop}) builds the job and the loop;
 * {@code CountingSink} counts and checksums what reaches the end; {@code IndexedSource} is a FLIP-27 source of the
 * records of an {@code IndexedGenerator} ({@code ZipfWordGenerator}, {@code BidGenerator}), whose record at an
 * index depends only on (seed, index) ({@code DrawCursor}, {@code ZipfTable}); {@code BenchmarkRunner} forks one
 * JVM per measurement ({@code ForkLauncher}), each of which runs {@code ForkMeasurement}; {@code ResultTable} prints
 * the figures. {@code LargeStateCheck} is the RocksDB state-beyond-memory check, run in its own fork.
 */
package io.runnel.bench;
