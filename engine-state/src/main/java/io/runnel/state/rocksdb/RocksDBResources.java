package io.runnel.state.rocksdb;

import io.runnel.api.state.StateAccessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open RocksDB instance in its own directory together with every native object it needs, and the only place
 * that calls RocksDB's read/write methods, so that {@link RocksDBException} becomes {@link StateAccessException}
 * in one spot and no call reaches native code after {@link #close()} (which would crash the JVM, not throw).
 *
 * <p><b>Memory:</b> the budget B (bytes) bounds the native memory of this instance: an LRU block cache of capacity
 * B holds data, index and filter blocks (index and filter blocks in its high-priority part, so that scans do not
 * evict them), and a {@link WriteBufferManager} of B / 2 bytes charges every memtable to that same cache, so that
 * memtables and cached blocks together stay near B whatever the number of column families. Each column family's
 * memtable is {@code clamp(B / 8, 256 KiB, 64 MiB)} bytes; the manager flushes the largest memtable once all of
 * them together pass its size. The idea of charging write buffers to the block cache comes from Flink's managed
 * memory for RocksDB; the split here is our own. The cache's limit is not strict (a strict limit makes reads fail
 * when pinned blocks do not fit), so the bound holds up to blocks pinned by open iterators.
 *
 * <p><b>Durability:</b> writes skip the write-ahead log: the working state is rebuilt from checkpoints after a
 * failure and the directory is deleted on close, so the log would only cost I/O.
 *
 * <p><b>Threading:</b> task thread only (the owning backend's thread); RocksDB's own flush and compaction threads
 * are internal to it.
 *
 * <p><b>Lifecycle:</b> {@link #open} creates the directory's database, {@link #openExisting} opens restored files
 * with all their column families; {@link #close()} releases every native object in dependency order and deletes
 * the directory. Afterwards every method throws {@link IllegalStateException}. A native checkpoint
 * ({@link #createCheckpoint}) lives in a directory of its own and survives {@code close()}.
 */
final class RocksDBResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBResources.class);
    private static final long MIN_WRITE_BUFFER_BYTES = 256L * 1024;
    private static final long MAX_WRITE_BUFFER_BYTES = 64L * 1024 * 1024;
    /** Part of the block cache reserved for index and filter blocks. */
    private static final double HIGH_PRIORITY_POOL_RATIO = 0.1;
    /** Bytes of a write batch of {@link #copyRange}: large enough to amortize the call, small next to B. */
    private static final long COPY_BATCH_BYTES = 1024L * 1024;

    private static final Object LOAD_LOCK = new Object();
    /** Guarded by {@link #LOAD_LOCK}; the native library is loaded once per JVM. */
    private static boolean libraryLoaded;

    private final Path directory;
    private final long memoryBudgetBytes;
    /** Native objects in creation order; closed in reverse. */
    private final List<AutoCloseable> natives;
    private final LRUCache blockCache;
    private final ColumnFamilyOptions columnOptions;
    private final ReadOptions readOptions;
    private final WriteOptions writeOptions;
    private final RocksDB db;
    /** Column families created after open; closed before the database. Owner: task thread. */
    private final List<ColumnFamilyHandle> columns = new ArrayList<>();
    /** Every column family but the default one, opened or created, by name. Owner: task thread. */
    private final Map<String, ColumnFamilyHandle> byName = new HashMap<>();
    /** Owner: task thread. */
    private boolean closed;

    private RocksDBResources(Path directory, long memoryBudgetBytes, List<AutoCloseable> natives,
                             LRUCache blockCache, ColumnFamilyOptions columnOptions, ReadOptions readOptions,
                             WriteOptions writeOptions, RocksDB db) {
        this.directory = directory;
        this.memoryBudgetBytes = memoryBudgetBytes;
        this.natives = natives;
        this.blockCache = blockCache;
        this.columnOptions = columnOptions;
        this.readOptions = readOptions;
        this.writeOptions = writeOptions;
        this.db = db;
    }

    /** Loads RocksDB's native library on the first call; later calls return at once. */
    static void ensureLibraryLoaded() {
        synchronized (LOAD_LOCK) {
            if (!libraryLoaded) {
                RocksDB.loadLibrary();
                libraryLoaded = true;
            }
        }
    }

    /**
     * Opens a new database in {@code directory}, which must exist and be empty.
     *
     * @param memoryBudgetBytes the bound B on block cache plus memtables, in bytes (see the class comment)
     * @throws IOException if RocksDB cannot create its files there; nothing stays allocated then, and the directory
     *     is deleted
     */
    static RocksDBResources open(Path directory, long memoryBudgetBytes) throws IOException {
        return open(directory, memoryBudgetBytes, false, false);
    }

    /**
     * Opens the database whose files are in {@code directory} (a restored native checkpoint) with all its column
     * families, which {@link #columnFamily(String)} then finds.
     *
     * @param memoryBudgetBytes the bound B on block cache plus memtables, in bytes (see the class comment)
     * @param readOnly open without writing anything (a temporary copy that a restore only reads)
     * @throws IOException if the files are not a database or RocksDB cannot open them; nothing stays allocated
     *     then, and the directory is deleted
     */
    static RocksDBResources openExisting(Path directory, long memoryBudgetBytes, boolean readOnly)
            throws IOException {
        return open(directory, memoryBudgetBytes, true, readOnly);
    }

    private static RocksDBResources open(Path directory, long memoryBudgetBytes, boolean existing, boolean readOnly)
            throws IOException {
        ensureLibraryLoaded();
        List<AutoCloseable> natives = new ArrayList<>();
        try {
            LRUCache cache = track(natives, new LRUCache(memoryBudgetBytes, -1, false, HIGH_PRIORITY_POOL_RATIO));
            WriteBufferManager writeBuffers = track(natives, new WriteBufferManager(memoryBudgetBytes / 2, cache));
            DBOptions dbOptions = track(natives, new DBOptions()
                    .setCreateIfMissing(true)
                    .setWriteBufferManager(writeBuffers)
                    .setAvoidFlushDuringShutdown(true)
                    .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL)
                    .setKeepLogFileNum(1)
                    .setStatsDumpPeriodSec(0));
            StringAppendOperator append = track(natives, new StringAppendOperator(""));
            ColumnFamilyOptions columnOptions = track(natives, columnOptions(cache, append, memoryBudgetBytes));
            ReadOptions readOptions = track(natives, new ReadOptions());
            WriteOptions writeOptions = track(natives, new WriteOptions().setDisableWAL(true));
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (byte[] name : existing ? listColumnFamilies(directory) : List.of(RocksDB.DEFAULT_COLUMN_FAMILY)) {
                descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
            }
            List<ColumnFamilyHandle> handles = new ArrayList<>();
            RocksDB db = readOnly ? RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles)
                    : RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
            // The database must close after its column families' handles and before the options it was given.
            natives.add(db);
            natives.addAll(handles);
            RocksDBResources resources = new RocksDBResources(directory, memoryBudgetBytes, natives, cache,
                    columnOptions, readOptions, writeOptions, db);
            for (int i = 0; i < handles.size(); i++) {
                resources.byName.put(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8),
                        handles.get(i));
            }
            resources.byName.remove(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
            return resources;
        } catch (RocksDBException | RuntimeException e) {
            closeAll(natives);
            RocksDBFiles.deleteQuietly(directory);
            throw new IOException("Cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** @return the names of the column families of the database in {@code directory}, the default one included */
    private static List<byte[]> listColumnFamilies(Path directory) throws RocksDBException {
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, directory.toString());
        }
    }

    private static ColumnFamilyOptions columnOptions(LRUCache cache, StringAppendOperator append, long budgetBytes) {
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        long writeBufferBytes = Math.max(MIN_WRITE_BUFFER_BYTES, Math.min(MAX_WRITE_BUFFER_BYTES, budgetBytes / 8));
        return new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                // List state appends with merge: the operator concatenates (empty delimiter), and list elements
                // are self-delimiting, so an add never reads the list.
                .setMergeOperator(append)
                .setWriteBufferSize(writeBufferBytes);
    }

    private static <T extends AutoCloseable> T track(List<AutoCloseable> natives, T object) {
        natives.add(object);
        return object;
    }

    /** @return the directory holding the database's files */
    Path directory() {
        return directory;
    }

    /** @return the configured budget B in bytes */
    long memoryBudgetBytes() {
        return memoryBudgetBytes;
    }

    /** @return bytes now charged to the block cache: cached blocks plus the memtables' reservations */
    long blockCacheUsageBytes() {
        checkOpen();
        return blockCache.getUsage();
    }

    /**
     * Creates a column family; it is closed by {@link #close()}.
     *
     * @throws StateAccessException if RocksDB refuses (e.g. the name exists)
     */
    ColumnFamilyHandle createColumnFamily(String name) {
        checkOpen();
        try {
            ColumnFamilyHandle handle = db.createColumnFamily(
                    new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
            columns.add(handle);
            byName.put(name, handle);
            return handle;
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB cannot create column family '" + name + "'", e);
        }
    }

    /** @return the column family of that name (opened with the database or created since), or null */
    ColumnFamilyHandle columnFamily(String name) {
        checkOpen();
        return byName.get(name);
    }

    /**
     * Writes the memtables to SST files and hard-links every live file into {@code target} (RocksDB's native
     * checkpoint): a consistent copy of the database that shares the immutable SST files with it.
     *
     * @param target a directory that must not exist yet, on the same file system as the database
     * @throws IOException if RocksDB fails; a partly written {@code target} is left for the caller to delete
     */
    void createCheckpoint(Path target) throws IOException {
        checkOpen();
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IOException("RocksDB cannot take a native checkpoint of " + directory + " into " + target
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies every entry of {@code column} with a key in {@code [lower, upper)} into {@code targetColumn} of
     * {@code target}, in write batches of about {@value #COPY_BATCH_BYTES} bytes (one native iterator for the
     * whole range, unlike {@link #scan}).
     *
     * @return the number of entries copied
     * @throws StateAccessException if either database fails
     */
    long copyRange(ColumnFamilyHandle column, byte[] lower, byte[] upper, RocksDBResources target,
                   ColumnFamilyHandle targetColumn) {
        checkOpen();
        target.checkOpen();
        long copied = 0;
        try (RocksIterator it = db.newIterator(column, readOptions); WriteBatch batch = new WriteBatch()) {
            for (it.seek(lower); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (Arrays.compareUnsigned(key, upper) >= 0) {
                    break;
                }
                batch.put(targetColumn, key, it.value());
                copied++;
                if (batch.getDataSize() >= COPY_BATCH_BYTES) {
                    target.db.write(target.writeOptions, batch);
                    batch.clear();
                }
            }
            it.status();
            target.db.write(target.writeOptions, batch);
            return copied;
        } catch (RocksDBException e) {
            throw new StateAccessException("Copying state from RocksDB in " + directory + " to " + target.directory
                    + " failed", e);
        }
    }

    /** @return the value of {@code key[0, keyLength)}, or null if absent */
    byte[] get(ColumnFamilyHandle column, byte[] key, int keyLength) {
        checkOpen();
        try {
            return db.get(column, readOptions, key, 0, keyLength);
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB read failed", e);
        }
    }

    /** Stores {@code value[0, valueLength)} under {@code key[0, keyLength)}. */
    void put(ColumnFamilyHandle column, byte[] key, int keyLength, byte[] value, int valueLength) {
        checkOpen();
        try {
            db.put(column, writeOptions, key, 0, keyLength, value, 0, valueLength);
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB write failed", e);
        }
    }

    /** Appends {@code value[0, valueLength)} to the value under {@code key[0, keyLength)} (the merge operator). */
    void append(ColumnFamilyHandle column, byte[] key, int keyLength, byte[] value, int valueLength) {
        checkOpen();
        try {
            db.merge(column, writeOptions, key, 0, keyLength, value, 0, valueLength);
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB merge failed", e);
        }
    }

    /** Deletes {@code key[0, keyLength)}; deleting an absent key is allowed. */
    void delete(ColumnFamilyHandle column, byte[] key, int keyLength) {
        checkOpen();
        try {
            db.delete(column, writeOptions, key, 0, keyLength);
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB delete failed", e);
        }
    }

    /**
     * Reads up to {@code limit} entries in key order from {@code from} (exclusive of {@code from} itself when
     * {@code skipFrom}) to {@code upperExclusive} (null: to the end) into {@code out}. The native iterator is closed
     * before returning, so no iterator outlives one call.
     *
     * @return true if the range may hold more entries after those read
     */
    boolean scan(ColumnFamilyHandle column, byte[] from, boolean skipFrom, byte[] upperExclusive, int limit,
                 Collection<RocksDBRangeIterator.RawEntry> out) {
        checkOpen();
        try (RocksIterator it = db.newIterator(column, readOptions)) {
            it.seek(from);
            if (skipFrom && it.isValid() && Arrays.equals(it.key(), from)) {
                it.next();
            }
            int read = 0;
            for (; it.isValid() && read < limit; it.next()) {
                byte[] key = it.key();
                if (upperExclusive != null && Arrays.compareUnsigned(key, upperExclusive) >= 0) {
                    return false;
                }
                out.add(new RocksDBRangeIterator.RawEntry(key, it.value()));
                read++;
            }
            it.status();
            return read == limit;
        } catch (RocksDBException e) {
            throw new StateAccessException("RocksDB scan failed", e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The RocksDB state backend in " + directory + " is closed");
        }
    }

    /**
     * Closes column families, the database, then options, write buffer manager and cache, and deletes the
     * directory. Idempotent. A directory that cannot be deleted is logged, not thrown: the native memory is freed
     * either way.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> all = new ArrayList<>(natives);
        // Column families created later close first, then the default handle, the database and its options.
        all.addAll(columns);
        closeAll(all);
        RocksDBFiles.deleteQuietly(directory);
    }

    private static void closeAll(List<AutoCloseable> natives) {
        for (int i = natives.size() - 1; i >= 0; i--) {
            try {
                natives.get(i).close();
            } catch (Exception e) {
                // Keep closing the rest: leaking every later object would be worse than this one.
                LOG.warn("Closing a RocksDB object failed", e);
            }
        }
    }
}
