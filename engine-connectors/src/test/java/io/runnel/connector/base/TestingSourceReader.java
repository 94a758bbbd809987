package io.runnel.connector.base;

import io.runnel.api.connector.source.SourceReaderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The smallest SourceReaderBase: emits fetched strings and counts them as the split's position. */
final class TestingSourceReader extends SourceReaderBase<String, String, TestingSplit, long[]> {

    private final List<String> finishedSplitIds = new ArrayList<>();

    TestingSourceReader(TestingSplitReader splitReader, SourceReaderContext context) {
        super(splitReader, (record, output, position) -> {
            output.collect(record);
            position[0]++;
        }, context);
    }

    List<String> finishedSplitIds() {
        return finishedSplitIds;
    }

    @Override
    protected long[] initializedState(TestingSplit split) {
        return new long[] {split.position()};
    }

    @Override
    protected TestingSplit toSplitType(String splitId, long[] position) {
        return new TestingSplit(splitId, position[0]);
    }

    @Override
    protected void onSplitFinished(Map<String, long[]> finishedSplitStates) {
        finishedSplitIds.addAll(finishedSplitStates.keySet());
    }
}
