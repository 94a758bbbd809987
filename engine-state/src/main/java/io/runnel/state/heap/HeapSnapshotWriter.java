package io.runnel.state.heap;

import io.runnel.api.state.StateDescriptor;
import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.CheckpointStateOutputStream;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.StreamStateHandle;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Writes a full snapshot of a heap backend's key-group range into one stream, and defines the format that
 * {@link HeapSnapshotReader} reads. All numbers are big-endian; "varint" is an unsigned LEB128 int (7 bits per
 * byte, low bits first, at most 5 bytes).
 *
 * <pre>
 * stream    := header section*                one section per key group of the range, in ascending order
 * header    := int magic = 0x524E4850 ("RNHP")
 *              int formatVersion = 1
 *              int startKeyGroup, int endKeyGroup   the range; equal to the handle's
 *              int partCount
 *              part[partCount]
 * part      := utf name                       DataOutput.writeUTF
 *              byte kind                      1 value, 2 list, 3 map, 4 reducing, 5 aggregating, 6 priority queue
 *              byte flags                     bit 0: the state has TTL (its values are TtlValues)
 * section   := int keyGroup                   starts at the handle's offset for the group
 *              block*                         at most one per part, for parts with entries in the group
 *              int -1                         end of section
 * block     := int partIndex                  index into the header's parts
 *              int entryCount
 *              int byteLength
 *              int crc32c                     CRC-32C of the entry bytes
 *              byte[byteLength] entries       entryCount entries
 * entry     := field key, field namespace, field state      for a state
 *            | field element                                for a priority queue
 * field     := varint length, byte[length]    what the key, namespace, state or element serializer writes
 * </pre>
 *
 * <p>A state field holds the whole state object: the value, reducing result or accumulator; for a list state an
 * int count and the elements, each with a null flag byte; for a map state an int count and key/value pairs, each
 * with a null flag byte (see {@link HeapCollectionSerializers}). With TTL each value, element or map value is a
 * {@link io.runnel.state.ttl.TtlValue} written by its serializer (timestamp first). Because every field is
 * length-prefixed and every block carries its byte length, a restore copies a block's bytes without decoding
 * them and decodes them when the operator registers the name, and a backend that never registers it writes the
 * same bytes into its next snapshot. The CRC lets a restore reject damaged bytes up front, naming the key group.
 *
 * <p>Compatibility: a reader rejects a stream whose magic or format version it does not know. A new version
 * must bump {@link #FORMAT_VERSION}; readers keep reading the versions before it.
 *
 * <p><b>Threading:</b> stateless; {@link #write} runs on the async snapshot thread.
 */
final class HeapSnapshotWriter {

    /** "RNHP": Runnel heap snapshot. */
    static final int MAGIC = 0x524E4850;
    /** The format this class writes. */
    static final int FORMAT_VERSION = 1;
    /** Kind code of a priority queue (states use 1 to 5, {@link #kindCode}). */
    static final int KIND_QUEUE = 6;
    /** Flag bit: the state's values carry TTL timestamps. */
    static final int FLAG_TTL = 1;
    /** Ends a key-group section. */
    static final int END_OF_SECTION = -1;

    private HeapSnapshotWriter() {
    }

    /** @return the kind code of a state kind, in {@code [1, 5]} */
    static int kindCode(StateDescriptor.Kind kind) {
        switch (kind) {
            case VALUE: return 1;
            case LIST: return 2;
            case MAP: return 3;
            case REDUCING: return 4;
            case AGGREGATING: return 5;
            default: throw new IllegalArgumentException("unknown state kind " + kind);
        }
    }

    /** @return a name of a kind code for messages ("LIST state", "priority queue") */
    static String kindName(int kindCode) {
        switch (kindCode) {
            case 1: return "VALUE state";
            case 2: return "LIST state";
            case 3: return "MAP state";
            case 4: return "REDUCING state";
            case 5: return "AGGREGATING state";
            case KIND_QUEUE: return "priority queue";
            default: return "unknown kind " + kindCode;
        }
    }

    /**
     * Writes the parts' entries of every key group of {@code range} into a new exclusive stream.
     *
     * @param streams where the stream goes
     * @param nameHint a name for the file
     * @param range the backend's key groups
     * @param parts the states and queues, in header order
     * @return the handle with one offset per key group of the range
     * @throws IOException if the stream or a serializer fails; the stream is then closed and deleted
     */
    static KeyGroupsStateHandle write(CheckpointStreamFactory streams, String nameHint, KeyGroupRange range,
                                      List<SnapshotPart> parts) throws IOException {
        CheckpointStateOutputStream stream = streams.createExclusiveStream(nameHint);
        boolean written = false;
        try {
            // DataOutputStream does not buffer, so stream.getPos() is exact between writes.
            DataOutputStream out = new DataOutputStream(stream);
            writeHeader(out, range, parts);
            long[] offsets = new long[range.numberOfKeyGroups()];
            CRC32C crc = new CRC32C();
            for (int keyGroup = range.startKeyGroup(); keyGroup <= range.endKeyGroup(); keyGroup++) {
                offsets[keyGroup - range.startKeyGroup()] = stream.getPos();
                out.writeInt(keyGroup);
                for (int p = 0; p < parts.size(); p++) {
                    KeyGroupEntries entries = parts.get(p).entriesOf(keyGroup);
                    if (entries != null) {
                        writeBlock(out, p, entries, crc);
                    }
                }
                out.writeInt(END_OF_SECTION);
            }
            out.flush();
            StreamStateHandle data = stream.closeAndGetHandle();
            written = true;
            return new KeyGroupsStateHandle(range, offsets, data);
        } finally {
            if (!written) {
                stream.close();
            }
        }
    }

    private static void writeHeader(DataOutputStream out, KeyGroupRange range, List<SnapshotPart> parts)
            throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(range.startKeyGroup());
        out.writeInt(range.endKeyGroup());
        out.writeInt(parts.size());
        for (SnapshotPart part : parts) {
            out.writeUTF(part.name());
            out.writeByte(part.kindCode());
            out.writeByte(part.flags());
        }
    }

    private static void writeBlock(DataOutputStream out, int partIndex, KeyGroupEntries entries, CRC32C crc)
            throws IOException {
        crc.reset();
        crc.update(entries.bytes(), 0, entries.length());
        out.writeInt(partIndex);
        out.writeInt(entries.count());
        out.writeInt(entries.length());
        out.writeInt((int) crc.getValue());
        out.write(entries.bytes(), 0, entries.length());
    }
}
