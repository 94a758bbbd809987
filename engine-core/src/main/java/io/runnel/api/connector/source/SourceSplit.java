package io.runnel.api.connector.source;

import io.runnel.annotation.Public;
import java.io.Serializable;

/**
 * A unit of work of a source (a file, a partition, a range of numbers) that the enumerator assigns to a reader.
 * A split carries its read position so that it can be snapshotted and resumed.
 */
@Public
public interface SourceSplit extends Serializable {

    /** @return an id unique among the source's splits */
    String splitId();
}
