package io.runnel.runtime.source;

import io.runnel.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.util.List;

/**
 * Messages between a source's readers (in tasks) and its split enumerator (in the JobManager). After Flink's
 * {@code OperatorEvent}s of FLIP-27.
 *
 * <p><b>Threading:</b> immutable.
 */
public sealed interface OperatorEvent extends Serializable {

    /** A reader has started and can take splits. */
    record ReaderRegistration(int subtaskIndex) implements OperatorEvent {
    }

    /** A reader asks for a split. */
    record SplitRequest(int subtaskIndex) implements OperatorEvent {
    }

    /** Splits for a reader. */
    record AddSplits(List<? extends SourceSplit> splits) implements OperatorEvent {
    }

    /** The reader will get no more splits. */
    record NoMoreSplits() implements OperatorEvent {
    }
}
