/**
 * File sources and sinks: {@link io.runnel.connector.file.TextLineFileSource} and
 * {@link io.runnel.connector.file.CsvSource} read text lines (plain or gzip) on a fetcher thread, one split per
 * file; {@link io.runnel.connector.file.LineFileSink} writes one line per record (not transactional), and
 * {@link io.runnel.connector.file.FileSink} writes lines exactly once into bucketed part files that are finished when
 * the checkpoint covering them completes.
 */
package io.runnel.connector.file;
