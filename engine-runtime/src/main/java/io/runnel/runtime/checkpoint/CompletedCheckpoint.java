package io.runnel.runtime.checkpoint;

import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint or savepoint whose metadata file is written: every subtask acknowledged and the state is durable.
 *
 * <p><b>Threading:</b> immutable; {@link #discard()} touches only files.
 *
 * @param checkpointId the id
 * @param timestampMillis when it was triggered, ms since the epoch
 * @param savepoint true for a savepoint (user-owned, self-contained, never deleted by the job)
 * @param operators by operator id, the state of every operator that had any
 * @param directory the checkpoint's own directory, holding {@code _metadata}
 */
public record CompletedCheckpoint(long checkpointId, long timestampMillis, boolean savepoint,
                                  Map<String, OperatorState> operators, Path directory) {

    public CompletedCheckpoint {
        operators = Map.copyOf(operators);
    }

    /** @return the metadata file */
    public Path metadataFile() {
        return directory.resolve(CheckpointStorageLocations.METADATA_FILE);
    }

    /** @return the bytes the checkpoint refers to, shared files included */
    public long stateSize() {
        return operators.values().stream().mapToLong(OperatorState::stateSize).sum();
    }

    /** @return every keyed state handle of every operator and subtask */
    public List<KeyedStateHandle> keyedHandles() {
        List<KeyedStateHandle> handles = new ArrayList<>();
        for (OperatorState op : operators.values()) {
            for (OperatorSubtaskState s : op.subtasks().values()) {
                if (s.keyedState() != null) {
                    handles.add(s.keyedState());
                }
            }
        }
        return handles;
    }

    /**
     * Deletes the checkpoint's private files and its directory. Shared files are the {@link SharedStateRegistry}'s
     * to delete.
     *
     * @throws IOException if a file cannot be deleted
     */
    public void discard() throws IOException {
        for (OperatorState op : operators.values()) {
            for (OperatorSubtaskState s : op.subtasks().values()) {
                if (s.operatorState() != null) {
                    s.operatorState().discardState();
                }
                if (s.keyedState() != null) {
                    for (StreamStateHandle h : s.keyedState().privateState()) {
                        h.discardState();
                    }
                }
            }
        }
        deleteRecursively(directory);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
