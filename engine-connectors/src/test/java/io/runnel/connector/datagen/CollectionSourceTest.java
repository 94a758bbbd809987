package io.runnel.connector.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.testing.SourceTestHarness;
import io.runnel.connector.testing.TestingReaderOutput;
import io.runnel.connector.testing.TestingSourceReaderContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CollectionSourceTest {

    record Point(int x, int y) implements java.io.Serializable {
    }

    @Test
    void emitsTheElementsInOrderFromOneSubtask() throws Exception {
        List<Integer> elements = IntStream.range(0, 3000).boxed().toList();
        SourceTestHarness<Integer> harness =
                new SourceTestHarness<>(new CollectionSource<>(elements, Integer.class), 3);

        assertEquals(elements, harness.runToEnd());
        assertTrue(IntStream.range(0, 3).filter(i -> !harness.output(i).isEmpty()).count() == 1);
    }

    @Test
    void survivesJavaSerializationLikeAJobGraph() throws Exception {
        CollectionSource<Point> source = CollectionSource.of(new Point(1, 2), new Point(3, 4));

        CollectionSource<Point> copy = roundTrip(source);

        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), new SourceTestHarness<>(copy, 1).runToEnd());
    }

    @Test
    void ofTypesByTheCommonClassOrGeneric() {
        assertEquals(TypeInformation.of(String.class), CollectionSource.of("a", "b").getProducedType());
        assertTrue(CollectionSource.<Object>of("a", 1).getProducedType().isGeneric());
        assertTrue(CollectionSource.of().getProducedType().isGeneric());
    }

    @Test
    void rejectsNullAndNonSerializableElements() {
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new CollectionSource<>(withNull, Object.class));
        assertThrows(IllegalArgumentException.class, () -> CollectionSource.of(new Object()));
    }

    @Test
    void snapshotHoldsThePositionAndAnEmptyCollectionEnds() throws Exception {
        List<Integer> elements = IntStream.range(0, 2000).boxed().toList();
        CollectionSourceReader<Integer> reader = new CollectionSourceReader<>(elements,
                new TestingSourceReaderContext());
        reader.addSplits(List.of(new CollectionSplit("collection", 100)));
        reader.pollNext(new TestingReaderOutput<>());
        assertEquals(List.of(new CollectionSplit("collection", 100 + CollectionSourceReader.BATCH_SIZE)),
                reader.snapshotState(1));

        assertEquals(List.of(), new SourceTestHarness<>(new CollectionSource<>(List.of(), String.class), 2)
                .runToEnd());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
