package io.runnel.connector.datagen;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.SourceSplit;

/**
 * The one split of a {@link CollectionSource}: the elements from index {@code position} on.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param splitId the split's id
 * @param position the index of the next element to emit, {@code >= 0}
 */
@Public
public record CollectionSplit(String splitId, int position) implements SourceSplit {

    public CollectionSplit {
        if (position < 0) {
            throw new IllegalArgumentException("position must not be negative, got " + position);
        }
    }
}
