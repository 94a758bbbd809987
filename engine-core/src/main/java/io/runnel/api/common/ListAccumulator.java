package io.runnel.api.common;

import io.runnel.annotation.Public;
import java.util.ArrayList;

/**
 * Collects values into a list; the job's result holds the concatenation over all subtasks (subtask order is not
 * defined). Meant for small results, such as tests collecting a job's output.
 *
 * <p><b>Threading:</b> see {@link Accumulator}.
 *
 * @param <T> the element type
 */
@Public
public final class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<T> values = new ArrayList<>();

    @Override
    public void add(T value) {
        values.add(value);
    }

    @Override
    public ArrayList<T> getLocalValue() {
        return values;
    }

    @Override
    public void merge(Accumulator<T, ArrayList<T>> other) {
        values.addAll(other.getLocalValue());
    }

    @Override
    public ListAccumulator<T> copy() {
        ListAccumulator<T> c = new ListAccumulator<>();
        c.values.addAll(values);
        return c;
    }
}
