package io.runnel.api.connector.sink;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * Where a stream ends: each parallel subtask gets its own {@link SinkWriter}.
 *
 * @param <T> the record type
 */
@Public
public interface Sink<T> extends Serializable {

    /**
     * Creates the writer of one subtask; called on its task thread.
     *
     * @throws Exception to fail the task
     */
    SinkWriter<T> createWriter(WriterInitContext context) throws Exception;
}
