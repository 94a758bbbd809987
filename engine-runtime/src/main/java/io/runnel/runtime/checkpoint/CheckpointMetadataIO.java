package io.runnel.runtime.checkpoint;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.ByteStreamStateHandle;
import io.runnel.state.snapshot.FileStateHandle;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads a checkpoint's or savepoint's {@code _metadata} file. The metadata names every state file;
 * file paths are stored relative to the metadata's directory, so a savepoint (whose files all lie in its
 * directory) can be moved. Format version 1, all numbers big-endian:
 *
 * <pre>
 *   int   magic 0x52554E4D ("RUNM")
 *   int   format version (1); a reader rejects other versions
 *   long  checkpoint id
 *   long  trigger timestamp, ms since the epoch
 *   bool  savepoint
 *   int   number of operators
 *   per operator:
 *     UTF   operator id (uid or generated)
 *     int   parallelism, int max parallelism
 *     int   coordinator state length (-1: none), then its bytes
 *     int   number of subtask states
 *     per subtask: int index, bool finished, stream handle (operator state), keyed handle
 *   stream handle: byte 0 none | 1 file: UTF relative path, long size | 2 inline: UTF name, int length, bytes
 *   keyed handle:  byte 0 none
 *                  | 1 key groups: int first, int last, long offset per group, stream handle
 *                  | 2 incremental: UTF backend id, long checkpoint id, int first, int last,
 *                      int n, n x (UTF file name, stream handle) shared, int m, m x (UTF, stream handle) private
 * </pre>
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
public final class CheckpointMetadataIO {

    private static final int MAGIC = 0x52554E4D;
    /** The version this code writes and reads. */
    public static final int VERSION = 1;

    private CheckpointMetadataIO() {
    }

    /**
     * Writes the metadata into the checkpoint's directory atomically: a temporary file, forced to disk, then a
     * rename, so a reader sees a whole file or none.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(CompletedCheckpoint checkpoint) throws IOException {
        Path dir = Files.createDirectories(checkpoint.directory());
        Path tmp = dir.resolve(CheckpointStorageLocations.METADATA_FILE + ".inprogress");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(checkpoint.checkpointId());
            out.writeLong(checkpoint.timestampMillis());
            out.writeBoolean(checkpoint.savepoint());
            out.writeInt(checkpoint.operators().size());
            for (OperatorState op : checkpoint.operators().values()) {
                writeOperator(op, out, dir);
            }
            out.flush();
            // On disk before the rename makes it visible: a crash must not leave a complete-looking empty file.
            channel.force(true);
        }
        Files.move(tmp, checkpoint.metadataFile(), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeOperator(OperatorState op, DataOutputStream out, Path dir) throws IOException {
        out.writeUTF(op.operatorId());
        out.writeInt(op.parallelism());
        out.writeInt(op.maxParallelism());
        if (op.coordinatorState() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(op.coordinatorState().length);
            out.write(op.coordinatorState());
        }
        Map<Integer, OperatorSubtaskState> subtasks = op.sortedSubtasks();
        out.writeInt(subtasks.size());
        for (Map.Entry<Integer, OperatorSubtaskState> e : subtasks.entrySet()) {
            out.writeInt(e.getKey());
            out.writeBoolean(e.getValue().finished());
            writeStream(e.getValue().operatorState(), out, dir);
            writeKeyed(e.getValue().keyedState(), out, dir);
        }
    }

    private static void writeStream(StreamStateHandle h, DataOutputStream out, Path dir) throws IOException {
        if (h == null) {
            out.writeByte(0);
        } else if (h instanceof FileStateHandle f) {
            out.writeByte(1);
            out.writeUTF(dir.relativize(f.path().toAbsolutePath()).toString());
            out.writeLong(f.stateSize());
        } else if (h instanceof ByteStreamStateHandle b) {
            out.writeByte(2);
            out.writeUTF(b.name());
            out.writeInt(b.data().length);
            out.write(b.data());
        }
    }

    private static void writeKeyed(KeyedStateHandle h, DataOutputStream out, Path dir) throws IOException {
        if (h == null) {
            out.writeByte(0);
        } else if (h instanceof KeyGroupsStateHandle k) {
            out.writeByte(1);
            out.writeInt(k.keyGroupRange().startKeyGroup());
            out.writeInt(k.keyGroupRange().endKeyGroup());
            for (long offset : k.offsets()) {
                out.writeLong(offset);
            }
            writeStream(k.data(), out, dir);
        } else if (h instanceof IncrementalKeyedStateHandle inc) {
            out.writeByte(2);
            out.writeUTF(inc.backendId());
            out.writeLong(inc.checkpointId());
            out.writeInt(inc.keyGroupRange().startKeyGroup());
            out.writeInt(inc.keyGroupRange().endKeyGroup());
            writeFiles(inc.sharedFiles(), out, dir);
            writeFiles(inc.privateFiles(), out, dir);
        }
    }

    private static void writeFiles(Map<String, StreamStateHandle> files, DataOutputStream out, Path dir)
            throws IOException {
        Map<String, StreamStateHandle> sorted = new TreeMap<>(files);
        out.writeInt(sorted.size());
        for (Map.Entry<String, StreamStateHandle> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            writeStream(e.getValue(), out, dir);
        }
    }

    /**
     * Reads a metadata file.
     *
     * @param metadataFile the {@code _metadata} file
     * @return the checkpoint it describes, its directory being the file's directory
     * @throws IOException naming the file if it is missing, corrupt, truncated or of another format version
     */
    public static CompletedCheckpoint read(Path metadataFile) throws IOException {
        Path dir = metadataFile.toAbsolutePath().getParent();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(metadataFile)))) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("Checkpoint metadata " + metadataFile + " is not a Runnel metadata file "
                        + "(magic 0x" + Integer.toHexString(magic) + ")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("Checkpoint metadata " + metadataFile + " has format version " + version
                        + "; this Runnel reads version " + VERSION);
            }
            long id = in.readLong();
            long timestamp = in.readLong();
            boolean savepoint = in.readBoolean();
            int operators = in.readInt();
            Map<String, OperatorState> states = new LinkedHashMap<>();
            for (int i = 0; i < operators; i++) {
                OperatorState op = readOperator(in, dir);
                states.put(op.operatorId(), op);
            }
            if (in.read() != -1) {
                throw new IOException("Checkpoint metadata " + metadataFile + " is corrupt: bytes after the end");
            }
            return new CompletedCheckpoint(id, timestamp, savepoint, states, dir);
        } catch (NoSuchFileException e) {
            throw new IOException("Checkpoint metadata " + metadataFile + " does not exist", e);
        } catch (EOFException e) {
            throw new IOException("Checkpoint metadata " + metadataFile + " is truncated", e);
        } catch (RuntimeException e) {
            throw new IOException("Checkpoint metadata " + metadataFile + " is corrupt: " + e, e);
        }
    }

    private static OperatorState readOperator(DataInputStream in, Path dir) throws IOException {
        String id = in.readUTF();
        int parallelism = in.readInt();
        int maxParallelism = in.readInt();
        int coordinatorLength = in.readInt();
        byte[] coordinator = coordinatorLength < 0 ? null : in.readNBytes(coordinatorLength);
        if (coordinator != null && coordinator.length != coordinatorLength) {
            throw new EOFException();
        }
        int count = in.readInt();
        Map<Integer, OperatorSubtaskState> subtasks = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int index = in.readInt();
            boolean finished = in.readBoolean();
            StreamStateHandle operatorState = readStream(in, dir);
            subtasks.put(index, new OperatorSubtaskState(operatorState, readKeyed(in, dir), finished));
        }
        return new OperatorState(id, parallelism, maxParallelism, subtasks, coordinator);
    }

    private static StreamStateHandle readStream(DataInputStream in, Path dir) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case 0:
                return null;
            case 1:
                Path path = dir.resolve(in.readUTF()).normalize();
                return new FileStateHandle(path, in.readLong());
            case 2:
                String name = in.readUTF();
                int length = in.readInt();
                byte[] data = in.readNBytes(length);
                if (data.length != length) {
                    throw new EOFException();
                }
                return new ByteStreamStateHandle(name, data);
            default:
                throw new IOException("unknown stream handle tag " + tag);
        }
    }

    private static KeyedStateHandle readKeyed(DataInputStream in, Path dir) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case 0:
                return null;
            case 1: {
                KeyGroupRange range = KeyGroupRange.of(in.readInt(), in.readInt());
                long[] offsets = new long[range.numberOfKeyGroups()];
                for (int i = 0; i < offsets.length; i++) {
                    offsets[i] = in.readLong();
                }
                return new KeyGroupsStateHandle(range, offsets, readStream(in, dir));
            }
            case 2: {
                String backendId = in.readUTF();
                long checkpointId = in.readLong();
                KeyGroupRange range = KeyGroupRange.of(in.readInt(), in.readInt());
                Map<String, StreamStateHandle> shared = readFiles(in, dir);
                return new IncrementalKeyedStateHandle(backendId, checkpointId, range, shared, readFiles(in, dir));
            }
            default:
                throw new IOException("unknown keyed state handle tag " + tag);
        }
    }

    private static Map<String, StreamStateHandle> readFiles(DataInputStream in, Path dir) throws IOException {
        int n = in.readInt();
        Map<String, StreamStateHandle> files = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            files.put(in.readUTF(), readStream(in, dir));
        }
        return files;
    }
}
