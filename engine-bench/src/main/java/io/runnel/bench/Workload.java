package io.runnel.bench;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * One benchmark workload: the same computation as an engine job and as a hand-written single-thread loop.
 *
 * <p><b>Contract:</b> {@link #runEngine} and {@link #runLoop} read the same input and feed the same records to
 * an equivalent counting step, so their {@link RunResult#sinkRecords()} and {@link RunResult#checksum()} are
 * equal, and equal to {@link #expectedSinkRecords()} for the count when that is known in advance; every run
 * repeats the whole computation.
 *
 * <p><b>Threading:</b> a workload is used by one thread at a time (the fork's main thread).
 */
interface Workload {

    /** @return the workload's name, e.g. {@code "W1"} */
    String name();

    /** @return the number of input records of one run */
    long inputRecords();

    /**
     * @return the number of records that must reach the counting step, or empty when only a run can tell (W3's
     *     number of windows); then runs are checked against each other and the engine against the loop
     */
    OptionalLong expectedSinkRecords();

    /**
     * Runs the job on an embedded MiniCluster and waits for it.
     *
     * @param parallelism the job's parallelism
     * @throws Exception if the job fails
     */
    RunResult runEngine(int parallelism) throws Exception;

    /**
     * Runs the single-thread loop.
     *
     * @param boxed true for the loop that boxes values as the engine does; false for a primitive loop
     * @throws UnsupportedOperationException if the workload has no loop of that kind
     */
    RunResult runLoop(boolean boxed);

    /** @return whether {@link #runLoop} supports {@code boxed == false} */
    boolean hasUnboxedLoop();

    /**
     * @param name {@code W1}, {@code W2}, {@code W2-RocksDB} or {@code W3} (case-insensitive)
     * @param recordsScale the factor applied to the workload's default number of input records
     * @return the workload
     * @throws IllegalArgumentException for an unknown name or a scale that leaves too few records
     */
    static Workload of(String name, double recordsScale) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "W1" -> new MapFilterWorkload(scaled(MapFilterWorkload.DEFAULT_RECORDS, recordsScale));
            case "W2" -> new ZipfWordCountWorkload(scaled(ZipfWordCountWorkload.DEFAULT_RECORDS, recordsScale), false);
            case "W2-ROCKSDB" -> new ZipfWordCountWorkload(scaled(ZipfWordCountWorkload.DEFAULT_RECORDS, recordsScale),
                    true);
            case "W3" -> new AuctionWindowWorkload(scaled(AuctionWindowWorkload.DEFAULT_RECORDS, recordsScale));
            default -> throw new IllegalArgumentException("unknown workload '" + name
                    + "' (known: W1, W2, W2-RocksDB, W3)");
        };
    }

    private static long scaled(long records, double scale) {
        long n = Math.round(records * scale);
        if (n < 2) {
            throw new IllegalArgumentException("records scale " + scale + " leaves " + n + " records; need >= 2");
        }
        return n;
    }
}
