package io.runnel.state.heap;

import io.runnel.state.KeyGroupRange;
import io.runnel.state.snapshot.IncrementalKeyedStateHandle;
import io.runnel.state.snapshot.KeyGroupsStateHandle;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads the key groups a backend owns out of full heap snapshots (the format of {@link HeapSnapshotWriter}),
 * keeping each state's and queue's entries as bytes. Handles may come from another parallelism: from each handle
 * whose range intersects the backend's, only the sections of the shared key groups are read, reached by skipping
 * to their offsets.
 *
 * <p><b>Threading:</b> stateless; runs on the thread that creates the backend.
 */
final class HeapSnapshotReader {

    /** No header lists more parts than this; a larger count means a damaged header. */
    private static final int MAX_PARTS = 1 << 20;

    private HeapSnapshotReader() {
    }

    /**
     * @param handles the handles to restore from
     * @param target the key groups of the restoring backend
     * @return by name, in the order first seen, the restored bytes of every state and queue
     * @throws IllegalArgumentException if a handle is not a full heap snapshot, or two handles hold one key group
     * @throws IOException naming the handle and the key group (or the header) if a stream is corrupt, truncated or of
     *     an unknown format version
     */
    static Map<String, RestoredState> read(List<KeyedStateHandle> handles, KeyGroupRange target) throws IOException {
        for (KeyedStateHandle h : handles) {
            if (h instanceof IncrementalKeyedStateHandle) {
                throw new IllegalArgumentException("Cannot restore the heap backend from " + h + ": it was taken by "
                        + "the RocksDB backend; the heap backend restores only full snapshots");
            }
        }
        Map<String, RestoredState> restored = new LinkedHashMap<>();
        BitSet seen = new BitSet();
        for (KeyedStateHandle h : handles) {
            KeyGroupsStateHandle handle = (KeyGroupsStateHandle) h;
            KeyGroupRange groups = handle.keyGroupRange().intersection(target);
            for (int keyGroup = groups.startKeyGroup(); keyGroup <= groups.endKeyGroup(); keyGroup++) {
                if (seen.get(keyGroup)) {
                    throw new IllegalArgumentException("Key group " + keyGroup + " is in two restore handles; the "
                            + "second is " + handle);
                }
                seen.set(keyGroup);
            }
            if (groups.numberOfKeyGroups() > 0) {
                readHandle(handle, groups, target, restored);
            }
        }
        return restored;
    }

    private static void readHandle(KeyGroupsStateHandle handle, KeyGroupRange groups, KeyGroupRange target,
                                   Map<String, RestoredState> restored) throws IOException {
        try (PositionedInput in = new PositionedInput(handle.data().openInputStream())) {
            RestoredState[] parts;
            try {
                parts = readHeader(in, handle, target, restored);
            } catch (EOFException | UTFDataFormatException e) {
                throw corrupt(handle, "its header", e);
            }
            for (int keyGroup = groups.startKeyGroup(); keyGroup <= groups.endKeyGroup(); keyGroup++) {
                try {
                    in.skipTo(handle.offsetOf(keyGroup));
                    readSection(in, keyGroup, parts, handle.stateSize());
                } catch (IOException e) {
                    throw corrupt(handle, "key group " + keyGroup, e);
                }
            }
        }
    }

    private static IOException corrupt(KeyGroupsStateHandle handle, String where, IOException cause) {
        String detail = cause instanceof EOFException ? "the stream ends early" : cause.getMessage();
        return new IOException("Keyed state snapshot " + handle.data() + " is corrupt or truncated in " + where
                + ": " + detail, cause);
    }

    private static RestoredState[] readHeader(PositionedInput in, KeyGroupsStateHandle handle, KeyGroupRange target,
                                              Map<String, RestoredState> restored) throws IOException {
        int magic = in.data.readInt();
        if (magic != HeapSnapshotWriter.MAGIC) {
            throw new IOException("Keyed state snapshot " + handle.data() + " is not a heap backend snapshot (magic "
                    + Integer.toHexString(magic) + ", expected " + Integer.toHexString(HeapSnapshotWriter.MAGIC) + ")");
        }
        int version = in.data.readInt();
        if (version != HeapSnapshotWriter.FORMAT_VERSION) {
            throw new IOException("Keyed state snapshot " + handle.data() + " has heap snapshot format version "
                    + version + ", which this build cannot read (it reads version "
                    + HeapSnapshotWriter.FORMAT_VERSION + ")");
        }
        int start = in.data.readInt();
        int end = in.data.readInt();
        KeyGroupRange expected = handle.keyGroupRange();
        if (start != expected.startKeyGroup() || end != expected.endKeyGroup()) {
            throw corrupt(handle, "its header", new IOException("it covers key groups [" + start + ", " + end
                    + "], the handle says " + expected));
        }
        int count = in.data.readInt();
        if (count < 0 || count > MAX_PARTS) {
            throw corrupt(handle, "its header", new IOException("it lists " + count + " states"));
        }
        RestoredState[] parts = new RestoredState[count];
        for (int i = 0; i < count; i++) {
            String name = in.data.readUTF();
            int kind = in.data.readUnsignedByte();
            int flags = in.data.readUnsignedByte();
            if (kind < 1 || kind > HeapSnapshotWriter.KIND_QUEUE || (flags & ~HeapSnapshotWriter.FLAG_TTL) != 0) {
                throw corrupt(handle, "its header", new IOException("state '" + name + "' has kind " + kind
                        + " and flags " + flags));
            }
            parts[i] = restored.computeIfAbsent(name, n -> new RestoredState(n, kind, flags, target));
            if (parts[i].kindCode() != kind || parts[i].flags() != flags) {
                throw new IOException("'" + name + "' is a " + HeapSnapshotWriter.kindName(kind) + " (flags " + flags
                        + ") in " + handle.data() + " but a " + HeapSnapshotWriter.kindName(parts[i].kindCode())
                        + " (flags " + parts[i].flags() + ") in another handle of the same restore");
            }
        }
        return parts;
    }

    private static void readSection(PositionedInput in, int keyGroup, RestoredState[] parts, long streamLength)
            throws IOException {
        int marker = in.data.readInt();
        if (marker != keyGroup) {
            throw new IOException("the section starts with key group " + marker);
        }
        CRC32C crc = new CRC32C();
        for (int p = in.data.readInt(); p != HeapSnapshotWriter.END_OF_SECTION; p = in.data.readInt()) {
            if (p < 0 || p >= parts.length) {
                throw new IOException("a block of state index " + p + " (the header lists " + parts.length + ")");
            }
            int count = in.data.readInt();
            int length = in.data.readInt();
            int checksum = in.data.readInt();
            if (count < 0 || length < 0 || count > length || length > streamLength - in.position()) {
                throw new IOException("the block of '" + parts[p].name() + "' claims " + count + " entries in "
                        + length + " bytes, past the end of the stream");
            }
            byte[] bytes = new byte[length];
            in.data.readFully(bytes);
            crc.reset();
            crc.update(bytes, 0, length);
            if ((int) crc.getValue() != checksum) {
                throw new IOException("the bytes of '" + parts[p].name() + "' do not match their checksum");
            }
            if (parts[p].has(keyGroup)) {
                throw new IOException("two blocks of '" + parts[p].name() + "'");
            }
            parts[p].put(keyGroup, new KeyGroupEntries(count, bytes, length));
        }
    }

    /** A stream that knows its position and skips forward to an offset. */
    private static final class PositionedInput extends FilterInputStream {
        final DataInputStream data = new DataInputStream(this);
        private long position;

        PositionedInput(InputStream in) {
            super(in);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            position += skipped;
            return skipped;
        }

        /** Moves forward to {@code offset}; offsets of later key groups are never smaller. */
        void skipTo(long offset) throws IOException {
            if (offset < position) {
                throw new IOException("its offset " + offset + " lies before the end of the previous section ("
                        + position + ")");
            }
            while (position < offset) {
                if (skip(offset - position) <= 0 && read() < 0) {
                    throw new EOFException("offset " + offset + " lies past the end of the stream");
                }
            }
        }
    }
}
