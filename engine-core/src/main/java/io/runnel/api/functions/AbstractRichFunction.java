package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Convenience base for rich functions: stores the runtime context, and {@code open}/{@code close} do nothing.
 */
@Public
public abstract class AbstractRichFunction implements RichFunction {

    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void open() throws Exception {
    }

    @Override
    public void close() throws Exception {
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context is set only once the function runs in a task");
        }
        return runtimeContext;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }
}
