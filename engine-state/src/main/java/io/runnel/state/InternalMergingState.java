package io.runnel.state;

import java.util.Collection;

/**
 * A keyed state whose entries of several namespaces can be combined into one, which merging windows (sessions)
 * need when two windows become one: list state appends, reducing state reduces, aggregating state merges
 * accumulators. After Flink's {@code InternalMergingState}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 */
public interface InternalMergingState<N> extends InternalKvState<N> {

    /**
     * For the current key, combines the entries of {@code sources} into the entry of {@code target} and removes
     * the sources' entries; sources without an entry are skipped, and {@code target} may be among the sources.
     * Leaves the current namespace unspecified.
     *
     * @throws io.runnel.api.state.StateAccessException if the user's reduce or merge function throws
     */
    void mergeNamespaces(N target, Collection<N> sources);
}
