package io.runnel.graph;

import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;

/** A source for graph tests, which never run it. */
final class DummySource implements Source<Long, SourceSplit, Void> {
    private static final long serialVersionUID = 1L;

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<SourceSplit, Void> createEnumerator(SplitEnumeratorContext<SourceSplit> context) {
        throw new UnsupportedOperationException("graph tests do not run sources");
    }

    @Override
    public SourceReader<Long, SourceSplit> createReader(SourceReaderContext context) {
        throw new UnsupportedOperationException("graph tests do not run sources");
    }
}
