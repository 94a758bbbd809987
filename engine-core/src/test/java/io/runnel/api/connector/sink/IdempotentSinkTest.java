package io.runnel.api.connector.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runnel.api.functions.RuntimeContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches go out when full and at every flush (checkpoint), never empty, in order. */
class IdempotentSinkTest {

    private static final WriterInitContext CONTEXT = new WriterInitContext() {
        @Override
        public int getSubtaskId() {
            return 0;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return 1;
        }

        @Override
        public RuntimeContext getRuntimeContext() {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void writesFullBatchesAndWhatIsBufferedAtAFlush() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();
        IdempotentSink<Integer> sink = new IdempotentSink<>(3) {
            @Override
            protected BatchWriter<Integer> createBatchWriter(WriterInitContext context) {
                return batches::add;
            }
        };
        SinkWriter<Integer> writer = sink.createWriter(CONTEXT);
        for (int i = 0; i < 7; i++) {
            writer.write(i, () -> null);
        }
        writer.flush(false);
        writer.flush(false);
        writer.write(7, () -> null);
        writer.flush(true);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6), List.of(7)), batches);
    }

    @Test
    void batchSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new IdempotentSink<Integer>(0) {
            @Override
            protected BatchWriter<Integer> createBatchWriter(WriterInitContext context) {
                return batch -> { };
            }
        });
    }
}
