package io.runnel.connector.testing;

import io.runnel.api.connector.sink.WriterInitContext;
import io.runnel.api.functions.RuntimeContext;

/** A writer context for subtask {@code subtaskId} of {@code parallelism}, with a {@link TestingRuntimeContext}. */
public final class TestingWriterInitContext implements WriterInitContext {

    private final int subtaskId;
    private final int parallelism;
    private final TestingRuntimeContext runtimeContext;

    public TestingWriterInitContext(int subtaskId, int parallelism) {
        this.subtaskId = subtaskId;
        this.parallelism = parallelism;
        this.runtimeContext = new TestingRuntimeContext("test-sink", subtaskId, parallelism);
    }

    public TestingRuntimeContext testingRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public int getSubtaskId() {
        return subtaskId;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return parallelism;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        return runtimeContext;
    }
}
