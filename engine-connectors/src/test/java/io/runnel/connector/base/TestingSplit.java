package io.runnel.connector.base;

import io.runnel.api.connector.source.SourceSplit;

/** A split for reader-base tests: an id and how many records of it were emitted. */
record TestingSplit(String splitId, long position) implements SourceSplit {
}
