/**
 * Building blocks for FLIP-27 sources whose reads block: a {@link io.runnel.connector.base.SplitReader} does the
 * blocking I/O on a fetcher thread, and {@link io.runnel.connector.base.SourceReaderBase} hands its batches to the
 * task thread without ever blocking it. Follows the design of Flink's {@code SourceReaderBase},
 * {@code SplitFetcher}, {@code SplitReader} and {@code RecordEmitter}, reduced to one fetcher per reader.
 */
package io.runnel.connector.base;
