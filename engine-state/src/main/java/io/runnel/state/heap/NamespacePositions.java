package io.runnel.state.heap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of a few namespaces in a list, looked up by {@code equals}, with the last hit and the last miss
 * remembered by identity: the entries of one namespace mostly hold one and the same namespace instance (a window
 * operator reuses its window objects), so a scan over many entries rarely hashes.
 *
 * <p><b>Threading:</b> not thread-safe; used by the task thread for one scan.
 */
final class NamespacePositions {

    private final Map<Object, Integer> positions;
    private Object lastHit;
    private int lastHitPosition;
    private Object lastMiss;

    /** @param namespaces distinct namespaces; a namespace's position is its index here */
    NamespacePositions(List<?> namespaces) {
        positions = new HashMap<>(2 * namespaces.size());
        for (int i = 0; i < namespaces.size(); i++) {
            if (positions.putIfAbsent(namespaces.get(i), i) != null) {
                throw new IllegalArgumentException("namespace " + namespaces.get(i) + " is listed twice");
            }
        }
    }

    /** @return the position of a namespace equal to {@code namespace}, or -1 if none is listed */
    int positionOf(Object namespace) {
        if (namespace == lastHit) {
            return lastHitPosition;
        }
        if (namespace == lastMiss) {
            return -1;
        }
        Integer position = positions.get(namespace);
        if (position == null) {
            lastMiss = namespace;
            return -1;
        }
        lastHit = namespace;
        lastHitPosition = position;
        return position;
    }

    /** @return the number of namespaces listed */
    int size() {
        return positions.size();
    }
}
