package io.runnel.state.operator;

import io.runnel.api.typeutils.TypeSerializer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals the operator state of the old parallel instances out to the new ones when a job is restored at another
 * parallelism (after Flink's round-robin operator state repartitioner): an even-split list becomes the
 * concatenation of all old instances' lists, in instance order, cut into contiguous shares whose sizes differ by
 * at most one (the first shares get the extra elements); a union list goes whole to every new instance; a
 * broadcast list (the same in every instance) goes to new instance i from old instance {@code i mod oldCount}.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class OperatorStateRedistributor {

    private OperatorStateRedistributor() {
    }

    /**
     * @param previous the snapshots of the old instances, by old subtask index (null entries: instances that had
     *     no state)
     * @param newParallelism the number of new instances, at least 1
     * @return the state of each new instance, by new subtask index
     * @throws IllegalArgumentException if {@code newParallelism < 1} or a name has two modes
     */
    public static List<OperatorStateSnapshot> redistribute(List<OperatorStateSnapshot> previous, int newParallelism) {
        if (newParallelism < 1) {
            throw new IllegalArgumentException("newParallelism must be at least 1, got " + newParallelism);
        }
        Map<String, OperatorStateSnapshot.Mode> modes = new LinkedHashMap<>();
        Map<String, List<Object>> all = new LinkedHashMap<>();
        Map<String, TypeSerializer<Object>> serializers = new LinkedHashMap<>();
        Map<String, List<List<Object>>> perInstance = new LinkedHashMap<>();
        for (OperatorStateSnapshot snapshot : previous) {
            if (snapshot == null) {
                continue;
            }
            snapshot.states().forEach((name, list) -> {
                OperatorStateSnapshot.Mode mode = modes.putIfAbsent(name, list.mode());
                if (mode != null && mode != list.mode()) {
                    throw new IllegalArgumentException("Operator state '" + name + "' is " + mode + " in one "
                            + "instance and " + list.mode() + " in another");
                }
                all.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list.elements());
                perInstance.computeIfAbsent(name, n -> new ArrayList<>()).add(list.elements());
                if (list.serializer() != null) {
                    serializers.putIfAbsent(name, list.serializer());
                }
            });
        }
        List<Map<String, OperatorStateSnapshot.NamedList>> shares = new ArrayList<>();
        for (int i = 0; i < newParallelism; i++) {
            shares.add(new LinkedHashMap<>());
        }
        all.forEach((name, elements) -> {
            OperatorStateSnapshot.Mode mode = modes.get(name);
            List<List<Object>> lists = perInstance.get(name);
            for (int i = 0; i < newParallelism; i++) {
                List<Object> share = switch (mode) {
                    case UNION -> elements;
                    case BROADCAST -> lists.get(i % lists.size());
                    case SPLIT_DISTRIBUTE -> elements.subList(shareStart(elements.size(), newParallelism, i),
                            shareStart(elements.size(), newParallelism, i + 1));
                };
                shares.get(i).put(name, new OperatorStateSnapshot.NamedList(mode, share, serializers.get(name)));
            }
        });
        List<OperatorStateSnapshot> result = new ArrayList<>(newParallelism);
        for (Map<String, OperatorStateSnapshot.NamedList> share : shares) {
            result.add(new OperatorStateSnapshot(share));
        }
        return result;
    }

    /** @return where share {@code i} of {@code n} elements over {@code p} shares starts */
    private static int shareStart(int n, int p, int i) {
        int base = n / p;
        int extra = n % p;
        return i * base + Math.min(i, extra);
    }
}
