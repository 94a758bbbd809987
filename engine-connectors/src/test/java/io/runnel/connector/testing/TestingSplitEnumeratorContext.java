package io.runnel.connector.testing;

import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/** An enumerator context that records assignments and no-more-splits signals, and forwards them if asked to. */
public final class TestingSplitEnumeratorContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {

    private final int parallelism;
    private final Set<Integer> registeredReaders = new HashSet<>();
    private final Map<Integer, List<SplitT>> assignments = new HashMap<>();
    private final Set<Integer> noMoreSplits = new HashSet<>();
    private BiConsumer<SplitT, Integer> onAssign = (split, subtask) -> { };
    private IntConsumer onNoMoreSplits = subtask -> { };

    public TestingSplitEnumeratorContext(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Forwards assignments and signals, e.g. to the readers as mails. */
    public void forwardTo(BiConsumer<SplitT, Integer> assign, IntConsumer signalNoMoreSplits) {
        this.onAssign = assign;
        this.onNoMoreSplits = signalNoMoreSplits;
    }

    public void registerReader(int subtaskId) {
        registeredReaders.add(subtaskId);
    }

    public Map<Integer, List<SplitT>> assignments() {
        return assignments;
    }

    public List<SplitT> assignedTo(int subtaskId) {
        return assignments.getOrDefault(subtaskId, List.of());
    }

    public boolean noMoreSplitsSignalled(int subtaskId) {
        return noMoreSplits.contains(subtaskId);
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Set<Integer> registeredReaders() {
        return registeredReaders;
    }

    @Override
    public void assignSplit(SplitT split, int subtaskId) {
        assignments.computeIfAbsent(subtaskId, id -> new ArrayList<>()).add(split);
        onAssign.accept(split, subtaskId);
    }

    @Override
    public void signalNoMoreSplits(int subtaskId) {
        noMoreSplits.add(subtaskId);
        onNoMoreSplits.accept(subtaskId);
    }
}
