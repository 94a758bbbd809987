package io.runnel.runtime;

/** The window tests of {@link WindowsIT} with keyed state and timers in RocksDB. */
class WindowsRocksDBIT extends WindowsIT {

    @Override
    protected String backend() {
        return "rocksdb";
    }
}
