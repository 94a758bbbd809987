package io.runnel.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One benchmark workload: the same computation as an engine job and as a hand-written single-thread loop.
 *
 * <p><b>Contract:</b> {@link #runEngine} and {@link #runLoop} read the same input and feed the same records to
 * an equivalent counting step, so their {@link RunResult#sinkRecords()} and {@link RunResult#checksum()} are
 * equal, and equal to {@link #expectedSinkRecords()} for the count when that is known in advance; every run
 * repeats the whole computation. A workload with a {@link #reference()} (W4, W5) has no loop of its own: its
 * records and checksum are the reference's, and each fork checks them against the reference's loop.
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
     * @return the workload whose loop computes this one's count and checksum ({@code W2} for W4 and W5), when
     *     this workload has no loop of its own; empty for one with its own loop
     */
    default Optional<String> reference() {
        return Optional.empty();
    }

    /**
     * @return the workload whose engine throughput this one's is compared with, the same job without what this
     *     one adds (W4-heap: W2; W4-RocksDB: W2-RocksDB; W5: W4-heap); empty if none
     */
    default Optional<String> baseline() {
        return Optional.empty();
    }

    /**
     * @param name {@code W1}, {@code W2}, {@code W2-RocksDB}, {@code W3}, {@code W4-heap}, {@code W4-RocksDB} or
     *     {@code W5}, {@code W6} (case-insensitive)
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
            case "W4-HEAP" -> new CheckpointedWordCountWorkload(
                    scaled(ZipfWordCountWorkload.DEFAULT_RECORDS, recordsScale), false);
            case "W4-ROCKSDB" -> new CheckpointedWordCountWorkload(
                    scaled(ZipfWordCountWorkload.DEFAULT_RECORDS, recordsScale), true);
            case "W5" -> new RecoveryWorkload(scaled(ZipfWordCountWorkload.DEFAULT_RECORDS, recordsScale));
            case "W6" -> new FileSinkWorkload(scaled(FileSinkWorkload.DEFAULT_RECORDS, recordsScale));
            default -> throw new IllegalArgumentException("unknown workload '" + name
                    + "' (known: W1, W2, W2-RocksDB, W3, W4 = W4-heap + W4-RocksDB, W5, W6)");
        };
    }

    /**
     * @param names workload names as given on the command line
     * @return the names with {@code W4} replaced by {@code W4-heap, W4-RocksDB}, duplicates dropped
     */
    static List<String> expand(List<String> names) {
        List<String> expanded = new ArrayList<>();
        for (String name : names) {
            List<String> parts = name.trim().equalsIgnoreCase("W4") ? List.of("W4-heap", "W4-RocksDB")
                    : List.of(name.trim());
            for (String part : parts) {
                if (expanded.stream().noneMatch(part::equalsIgnoreCase)) {
                    expanded.add(part);
                }
            }
        }
        return expanded;
    }

    private static long scaled(long records, double scale) {
        long n = Math.round(records * scale);
        if (n < 2) {
            throw new IllegalArgumentException("records scale " + scale + " leaves " + n + " records; need >= 2");
        }
        return n;
    }
}
