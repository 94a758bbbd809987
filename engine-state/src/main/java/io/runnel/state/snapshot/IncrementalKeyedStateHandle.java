package io.runnel.state.snapshot;

import io.runnel.state.KeyGroupRange;
import java.util.Collection;
import java.util.Map;

/**
 * A RocksDB native checkpoint of a key-group range: the immutable SST files, which later checkpoints of the same
 * backend share instead of copying again, and the private files (MANIFEST, CURRENT, OPTIONS, state metadata)
 * copied for this checkpoint alone. A savepoint uses the same shape with every file private, so that it is
 * self-contained. After Flink's {@code IncrementalRemoteKeyedStateHandle}.
 *
 * <p><b>Threading:</b> immutable (the maps are unmodifiable copies).
 *
 * @param backendId an id of the backend instance that took the snapshot (it names the shared files it uploads)
 * @param checkpointId the checkpoint
 * @param keyGroupRange the groups the database holds
 * @param sharedFiles by the file's name inside the database directory, the uploaded SST files
 * @param privateFiles by the file's name inside the database directory, the other files
 */
public record IncrementalKeyedStateHandle(String backendId, long checkpointId, KeyGroupRange keyGroupRange,
                                          Map<String, StreamStateHandle> sharedFiles,
                                          Map<String, StreamStateHandle> privateFiles) implements KeyedStateHandle {

    public IncrementalKeyedStateHandle {
        sharedFiles = Map.copyOf(sharedFiles);
        privateFiles = Map.copyOf(privateFiles);
    }

    @Override
    public long stateSize() {
        long size = 0;
        for (StreamStateHandle h : sharedFiles.values()) {
            size += h.stateSize();
        }
        for (StreamStateHandle h : privateFiles.values()) {
            size += h.stateSize();
        }
        return size;
    }

    @Override
    public Collection<StreamStateHandle> sharedState() {
        return sharedFiles.values();
    }

    @Override
    public Collection<StreamStateHandle> privateState() {
        return privateFiles.values();
    }
}
