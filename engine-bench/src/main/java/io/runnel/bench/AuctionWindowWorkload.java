package io.runnel.bench;

import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * W3: n bids ({@link BidGenerator}: auction from Zipf(1.1) over 10,000 auctions, price uniform in 1..10,000, event
 * time advancing 1 ms per 10 bids minus up to 2 s of disorder) → bounded-out-of-orderness watermarks (2 s) → keyBy
 * auction → 10 s tumbling event-time windows that count bids and sum prices ({@link BidAggregate}) → one
 * {@link AuctionWindow} per (auction, window) with bids → counting sink.
 *
 * <p><b>Contract:</b> no bid is late (see {@link BidGenerator}), so the results are exactly the (auction, window)
 * groups of all bids, whatever the parallelism and whenever windows fire. The number of results is not known in
 * advance; the checksum is the wrapping sum of {@link AuctionWindow#fingerprint()} over all results, and the loop
 * ({@link BidWindowLoop}) must produce the same count and checksum.
 *
 * <p><b>Threading:</b> one thread at a time (see {@link Workload}).
 */
final class AuctionWindowWorkload implements Workload {

    /** Input records of the full benchmark. */
    static final long DEFAULT_RECORDS = 20_000_000L;
    /** The tumbling window size. */
    static final Duration WINDOW_SIZE = Duration.ofSeconds(10);
    /** The watermarks' out-of-orderness bound; equal to the generator's largest disorder, so no bid is late. */
    static final Duration OUT_OF_ORDERNESS = Duration.ofMillis(BidGenerator.MAX_DISORDER_MILLIS);
    /** The bids of the source and of the loop. */
    static final BidGenerator GENERATOR = new BidGenerator(20_240_602L);

    private static final KeySelector<Bid, Integer> AUCTION = bid -> bid.auction();

    private final long records;

    /** @param records n, the number of bids */
    AuctionWindowWorkload(long records) {
        this.records = records;
    }

    @Override
    public String name() {
        return "W3";
    }

    @Override
    public long inputRecords() {
        return records;
    }

    /** @return empty: the number of (auction, window) groups is known only after a run */
    @Override
    public OptionalLong expectedSinkRecords() {
        return OptionalLong.empty();
    }

    @Override
    public RunResult runEngine(int parallelism) throws Exception {
        // Built before the clock starts: the table is cached per JVM, as the loop's is.
        ZipfTable.of(BidGenerator.AUCTIONS, BidGenerator.EXPONENT);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(new Configuration());
        env.setParallelism(parallelism);
        env.fromSource(new IndexedSource<>(records, GENERATOR),
                        WatermarkStrategy.<Bid>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((bid, ts) -> bid.timestamp()), "bids")
                .keyBy(AUCTION)
                .window(TumblingEventTimeWindows.of(WINDOW_SIZE))
                .aggregate(new BidAggregate(), new ToAuctionWindow())
                .sinkTo(new CountingSink<>(AuctionWindow::fingerprint));
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("W3 auction windows p" + parallelism);
        long elapsed = System.nanoTime() - start;
        return new RunResult(records, CountingSink.count(result), CountingSink.checksum(result), elapsed,
                result.getNetRuntimeMillis());
    }

    /**
     * The same work in one thread: the same bids, per-window per-auction accumulators and firing by the loop's own
     * watermark ({@link BidWindowLoop}), and the same {@link AuctionWindow} results handed to the same counting
     * step as the sink's.
     *
     * @throws IllegalStateException if a bid was late, which the generator rules out
     */
    @Override
    public RunResult runLoop(boolean boxed) {
        if (!boxed) {
            throw new UnsupportedOperationException("W3 has only the boxed loop (its state is maps of objects)");
        }
        ZipfTable.of(BidGenerator.AUCTIONS, BidGenerator.EXPONENT);
        long start = System.nanoTime();
        LoopSink sink = new LoopSink();
        BidWindowLoop windows = new BidWindowLoop(WINDOW_SIZE.toMillis(), OUT_OF_ORDERNESS.toMillis(), sink);
        IndexedGenerator.Cursor<Bid> bids = GENERATOR.cursorAt(0);
        for (long i = 0; i < records; i++) {
            windows.add(bids.next());
        }
        windows.finish();
        long elapsed = System.nanoTime() - start;
        if (windows.lateBids() != 0) {
            throw new IllegalStateException("W3 loop: " + windows.lateBids() + " late bids; the generator's "
                    + "disorder must stay within the watermark bound");
        }
        return new RunResult(records, sink.count, sink.checksum, elapsed, -1);
    }

    @Override
    public boolean hasUnboxedLoop() {
        return false;
    }

    /** The loop's counting step: the sink writer's arithmetic. Threading: the loop's thread only. */
    private static final class LoopSink implements Consumer<AuctionWindow> {
        /** Owner: the loop's thread. */
        private long count;
        /** Owner: the loop's thread. */
        private long checksum;

        @Override
        public void accept(AuctionWindow result) {
            count++;
            checksum += result.fingerprint();
        }
    }

    /** Counts bids and sums prices. Threading: task thread only (stateless). */
    static final class BidAggregate implements AggregateFunction<Bid, BidStats, BidStats> {
        private static final long serialVersionUID = 1L;

        @Override
        public BidStats createAccumulator() {
            return BidStats.EMPTY;
        }

        @Override
        public BidStats add(Bid bid, BidStats accumulator) {
            return accumulator.add(bid.price());
        }

        @Override
        public BidStats getResult(BidStats accumulator) {
            return accumulator;
        }

        @Override
        public BidStats merge(BidStats a, BidStats b) {
            return a.merge(b);
        }
    }

    /** Adds the auction and the window start to a window's statistics. Threading: task thread only (stateless). */
    static final class ToAuctionWindow extends ProcessWindowFunction<BidStats, AuctionWindow, Integer, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Integer auction, Context context, Iterable<BidStats> stats,
                            Collector<AuctionWindow> out) {
            BidStats s = stats.iterator().next();
            out.collect(new AuctionWindow(auction, context.window().getStart(), s.bids(), s.priceSum()));
        }
    }
}
