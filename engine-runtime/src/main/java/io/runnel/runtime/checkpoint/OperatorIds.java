package io.runnel.runtime.checkpoint;

import io.runnel.graph.ChainedOperator;

/**
 * The id under which an operator's state is stored: the {@code uid} the job gave it, else one generated from its
 * position in the graph. A generated id only matches the same program built the same way, so jobs that are
 * meant to be changed and restored from savepoints should set uids (Flink's advice too).
 */
public final class OperatorIds {

    private static final String AUTO_PREFIX = "auto-";

    private OperatorIds() {
    }

    /** @return the operator's state id */
    public static String of(ChainedOperator operator) {
        return operator.uid() != null ? operator.uid() : AUTO_PREFIX + operator.nodeId() + "-" + operator.name();
    }

    /** @return true if the id was generated, not given by the job */
    public static boolean isGenerated(ChainedOperator operator) {
        return operator.uid() == null;
    }
}
