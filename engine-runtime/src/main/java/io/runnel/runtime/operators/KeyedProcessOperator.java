package io.runnel.runtime.operators;

import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.state.KeyedStateBackend;
import io.runnel.streamrecord.StreamRecord;

/**
 * Runs a {@link KeyedProcessFunction}: sets the key of each record on the keyed state backend, so that state
 * accesses in the function read and write that key's entries.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <IN> input type
 * @param <OUT> output type
 */
final class KeyedProcessOperator<K, IN, OUT> extends UdfOperator<KeyedProcessFunction<K, IN, OUT>, OUT>
        implements OneInputStreamOperator<IN, OUT> {

    private final KeySelector<IN, K> keySelector;
    private final KeyedStateBackend<Object> backend;
    private final TimestampedCollector<OUT> collector;
    private final Ctx context;
    /** Owner: task thread. */
    private StreamRecord<IN> current;

    KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keySelector,
                         StreamOperatorParameters<OUT> parameters) {
        super(function, parameters);
        this.keySelector = keySelector;
        this.backend = parameters.keyedStateBackend();
        this.collector = new TimestampedCollector<>(output);
        this.context = new Ctx(function);
    }

    @Override
    public void processElement(StreamRecord<IN> record) throws Exception {
        backend.setCurrentKey(keySelector.getKey(record.getValue()));
        current = record;
        collector.setTimestampFrom(record);
        try {
            function.processElement(record.getValue(), context, collector);
        } catch (TimestampedCollector.DownstreamException e) {
            throw unwrap(e);
        } finally {
            current = null;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            backend.close();
        }
    }

    private final class Ctx extends KeyedProcessFunction<K, IN, OUT>.Context {
        Ctx(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) backend.getCurrentKey();
        }
    }
}
