/**
 * JDBC sinks: {@link io.runnel.connector.jdbc.JdbcSink#upsert}, a one-phase batched sink that is exactly-once for
 * idempotent statements with deterministic keys and replay, and {@link io.runnel.connector.jdbc.JdbcSink#exactlyOnce},
 * an exactly-once sink for any statement through PostgreSQL's XA (two-phase commit) transactions, built on
 * {@code TwoPhaseCommitSinkFunction}. PostgreSQL's driver is the one third-party library imported here.
 */
package io.runnel.connector.jdbc;
