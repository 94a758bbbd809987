/**
 * JDBC sinks: {@link io.runnel.connector.jdbc.JdbcSink#upsert}, a one-phase batched sink that is exactly-once for
 * idempotent statements with deterministic keys and replay. PostgreSQL's driver is the one third-party library
 * imported here.
 */
package io.runnel.connector.jdbc;
