/**
 * Throughput benchmarks of the engine against hand-written single-thread loops doing the same work, run by
 * {@code ./runnel-bench} (entry point {@link io.runnel.bench.Benchmarks}).
 *
 * <p>Roles: {@code Workload} (W1 {@code MapFilterWorkload}, W2 {@code ZipfWordCountWorkload}) builds the job and
 * the loop; {@code CountingSink} counts and checksums what reaches the end; {@code ZipfWordSource} is a FLIP-27
 * generator source whose draws depend only on (seed, index) ({@code DrawCursor}, {@code ZipfTable});
 * {@code BenchmarkRunner} forks one JVM per measurement ({@code ForkLauncher}), each of which runs
 * {@code ForkMeasurement}; {@code ResultTable} prints the figures.
 */
package io.runnel.bench;
