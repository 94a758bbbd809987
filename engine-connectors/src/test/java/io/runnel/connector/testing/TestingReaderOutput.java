package io.runnel.connector.testing;

import io.runnel.api.connector.source.ReaderOutput;
import java.util.ArrayList;
import java.util.List;

/** Keeps the emitted records in a list (timestamps are ignored). */
public final class TestingReaderOutput<T> implements ReaderOutput<T> {

    private final List<T> records = new ArrayList<>();

    @Override
    public void collect(T record) {
        records.add(record);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
    }

    public List<T> records() {
        return records;
    }
}
