/**
 * Test harnesses for user code, shipped in the engine's main jar as public API (as Hazelcast Jet ships its test
 * kit), so that users can test their functions and operators the way the engine runs them. The first rung is
 * {@link io.runnel.testing.OneInputOperatorTestHarness}: one operator, driven step by step on the test's thread,
 * with a manual processing-time clock, snapshots and restores (also at another parallelism), and an ordered
 * record of its output. Built with an {@link io.runnel.testing.OperatorTestHarnessBuilder}.
 */
package io.runnel.testing;
