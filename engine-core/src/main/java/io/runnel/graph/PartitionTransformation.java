package io.runnel.graph;

import io.runnel.annotation.Internal;
import java.util.List;

/**
 * Sets how the input's records are distributed to the next operator; becomes the partitioner of an edge.
 *
 * @param <T> the record type
 */
@Internal
public final class PartitionTransformation<T> extends Transformation<T> {

    private final Transformation<T> input;
    private final PartitionerSpec partitioner;

    public PartitionTransformation(Transformation<T> input, PartitionerSpec partitioner) {
        super("Partition", input.getOutputType());
        this.input = input;
        this.partitioner = partitioner;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public PartitionerSpec getPartitioner() {
        return partitioner;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
