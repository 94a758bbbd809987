package io.runnel.connector.testing;

import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.functions.RuntimeContext;

/** A reader context that counts split requests and passes each to an optional listener. */
public final class TestingSourceReaderContext implements SourceReaderContext {

    private final int subtaskIndex;
    private final TestingRuntimeContext runtimeContext;
    private final Runnable onSplitRequest;
    private int splitRequests;

    public TestingSourceReaderContext(int subtaskIndex, TestingRuntimeContext runtimeContext, Runnable onSplitRequest) {
        this.subtaskIndex = subtaskIndex;
        this.runtimeContext = runtimeContext;
        this.onSplitRequest = onSplitRequest;
    }

    /** A context of subtask 0 of 1, task "test-source", that only counts requests. */
    public TestingSourceReaderContext() {
        this(0, new TestingRuntimeContext("test-source", 0, 1), () -> { });
    }

    public int splitRequests() {
        return splitRequests;
    }

    public TestingRuntimeContext testingRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public int getIndexOfSubtask() {
        return subtaskIndex;
    }

    @Override
    public void sendSplitRequest() {
        splitRequests++;
        onSplitRequest.run();
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }
}
