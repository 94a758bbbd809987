package io.runnel.runtime.checkpoint;

import io.runnel.annotation.MainThread;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts how many retained checkpoints refer to each shared state file (the SST files of incremental RocksDB
 * checkpoints) and deletes a file when the last one is discarded. After Flink's {@code SharedStateRegistry}.
 *
 * <p>Invariant: {@code references.get(h)} is the number of registered, not yet unregistered checkpoints whose
 * keyed handles list {@code h} among their shared state; a handle at zero is deleted and forgotten.
 *
 * <p><b>Threading:</b> JobManager main thread only.
 */
public final class SharedStateRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateRegistry.class);

    private final Map<StreamStateHandle, Integer> references = new HashMap<>();

    /** Counts the shared files of a checkpoint that is now retained. */
    @MainThread
    public void register(CompletedCheckpoint checkpoint) {
        for (KeyedStateHandle h : checkpoint.keyedHandles()) {
            for (StreamStateHandle file : h.sharedState()) {
                references.merge(file, 1, Integer::sum);
            }
        }
    }

    /** Drops the references of a discarded checkpoint; deletes files no retained checkpoint needs. */
    @MainThread
    public void unregister(CompletedCheckpoint checkpoint) {
        for (KeyedStateHandle h : checkpoint.keyedHandles()) {
            for (StreamStateHandle file : h.sharedState()) {
                Integer left = references.computeIfPresent(file, (k, n) -> n - 1);
                if (left != null && left == 0) {
                    references.remove(file);
                    discard(file);
                }
            }
        }
    }

    /**
     * Deletes the shared files of a checkpoint that never completed, except those a retained checkpoint refers to.
     *
     * @param handles the keyed handles the failed checkpoint's tasks acknowledged
     */
    @MainThread
    public void discardUnregistered(Iterable<KeyedStateHandle> handles) {
        for (KeyedStateHandle h : handles) {
            for (StreamStateHandle file : h.sharedState()) {
                if (!references.containsKey(file)) {
                    discard(file);
                }
            }
        }
    }

    /** @return how many retained checkpoints refer to a file (0 if none) */
    @MainThread
    public int referenceCount(StreamStateHandle file) {
        return references.getOrDefault(file, 0);
    }

    private static void discard(StreamStateHandle file) {
        try {
            file.discardState();
        } catch (IOException e) {
            LOG.warn("Could not delete shared state file {}", file, e);
        }
    }
}
