package io.runnel.connector.datagen;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.base.StaticSplitEnumerator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A bounded source of a fixed list of elements, which travel with the job (Java serialization).
 *
 * <pre>{@code
 * var source = env.fromSource(CollectionSource.of(new Word("a", 1), new Word("b", 2)), "words");
 * }</pre>
 * (from {@code SinksIT})
 *
 * <p><b>Contract:</b> the elements are emitted once each, in list order, by a single subtask: the source has one
 * split, so at a parallelism above one the other subtasks emit nothing. Elements must be non-null and
 * {@link Serializable}. The produced type is the class given, or for {@link #of} the elements' common class
 * when they all have the same one (else the generic type).
 *
 * <p><b>Threading:</b> immutable (the list is copied); its readers are task-thread only.
 *
 * @param <T> the element type
 */
@Public
public final class CollectionSource<T> implements Source<T, CollectionSplit, List<CollectionSplit>>,
        ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;

    private final ArrayList<T> elements;
    private final TypeInformation<T> type;

    /**
     * @param elements the elements, copied
     * @param type the class of the elements
     * @throws IllegalArgumentException if an element is null or not serializable
     */
    public CollectionSource(List<T> elements, Class<T> type) {
        this(elements, TypeInformation.of(Objects.requireNonNull(type, "type")));
    }

    private CollectionSource(List<T> elements, TypeInformation<T> type) {
        this.elements = new ArrayList<>(elements);
        this.type = type;
        for (int i = 0; i < this.elements.size(); i++) {
            T e = this.elements.get(i);
            if (!(e instanceof Serializable)) {
                throw new IllegalArgumentException("element " + i + " is " + (e == null ? "null"
                        : "of class " + e.getClass().getName() + ", which is not Serializable"));
            }
        }
    }

    /**
     * @param elements the elements
     * @return a source of the elements, typed by their common class
     * @throws IllegalArgumentException if an element is null or not serializable
     */
    @SafeVarargs
    public static <T> CollectionSource<T> of(T... elements) {
        return new CollectionSource<>(Arrays.asList(elements), commonType(elements));
    }

    @SuppressWarnings("unchecked")
    private static <T> TypeInformation<T> commonType(T[] elements) {
        if (elements.length == 0 || elements[0] == null) {
            return TypeInformation.generic();
        }
        Class<?> first = elements[0].getClass();
        for (T e : elements) {
            if (e == null || e.getClass() != first) {
                return TypeInformation.generic();
            }
        }
        return TypeInformation.of((Class<T>) first);
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<CollectionSplit, List<CollectionSplit>> createEnumerator(
            SplitEnumeratorContext<CollectionSplit> context) {
        List<CollectionSplit> splits = elements.isEmpty() ? List.of() : List.of(new CollectionSplit("collection", 0));
        return new StaticSplitEnumerator<>(context, splits);
    }

    /** Restores the splits not yet handed out at the checkpoint. */
    @Override
    public SplitEnumerator<CollectionSplit, List<CollectionSplit>> restoreEnumerator(SplitEnumeratorContext<CollectionSplit> context,
                                                                 List<CollectionSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<T, CollectionSplit> createReader(SourceReaderContext context) {
        return new CollectionSourceReader<>(elements, context);
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return type;
    }
}
