package io.runnel.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.checkpoint.CheckpointListener;
import io.runnel.api.common.Configuration;
import io.runnel.api.common.JobExecutionResult;
import io.runnel.api.common.JobStatus;
import io.runnel.api.common.JobStatusChange;
import io.runnel.api.common.Tuple2;
import io.runnel.api.environment.CheckpointingMode;
import io.runnel.api.environment.JobClient;
import io.runnel.api.environment.RestartStrategies;
import io.runnel.api.environment.StreamExecutionEnvironment;
import io.runnel.api.eventtime.WatermarkStrategy;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.FlatMapFunction;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.windowing.assigners.TumblingEventTimeWindows;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.windows.TimeWindow;
import io.runnel.connector.collect.CollectSink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs over the Nexmark source checked against plain loops over {@link NexmarkGenerator}: bids per auction, counted
 * in keyed state by a checkpointed job whose first attempt fails once after a checkpoint completed (the restored
 * readers continue each split at its snapshotted event id, so no bid is lost or counted twice); and bids per
 * auction and event-time window, where the source's timestamps and per-split watermarks must make no bid late.
 */
class NexmarkSourceIT {

    private static final long EVENTS = 300_000;

    /** Per run id: events seen by the injector, whether it failed, and whether a checkpoint completed. */
    private static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> FAILED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> CHECKPOINTED = new ConcurrentHashMap<>();

    /** The failure the job injects. */
    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    /** Emits the auction id of each bid; throws once, after a checkpoint, when a quarter of the events passed. */
    static final class AuctionOfBidFailingOnce implements FlatMapFunction<NexmarkEvent, Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String runId;

        AuctionOfBidFailingOnce(String runId) {
            this.runId = runId;
        }

        @Override
        public void flatMap(NexmarkEvent event, Collector<Long> out) {
            long seen = SEEN.get(runId).incrementAndGet();
            if (seen >= EVENTS / 4 && CHECKPOINTED.get(runId).get() && FAILED.get(runId).compareAndSet(false, true)) {
                throw new InjectedFailure("injected failure after " + seen + " events");
            }
            if (event instanceof Bid bid) {
                out.collect(bid.auction());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTED.get(runId).set(true);
        }
    }

    /** Counts each auction's bids in keyed state; emits (auction, count) once, at the end of input. */
    static final class CountBids extends KeyedProcessFunction<Long, Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open() {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long auction, Context ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            Long c = count.value();
            if (c == null) {
                c = 0L;
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            }
            count.update(c + 1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple2<Long, Long>> out) throws Exception {
            out.collect(new Tuple2<>(ctx.getCurrentKey(), count.value()));
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3})
    void bidsPerAuctionAfterAnInjectedFailureEqualAPlainLoop(int parallelism, @TempDir Path dir) throws Exception {
        String runId = "nexmark-" + parallelism;
        SEEN.put(runId, new AtomicLong());
        FAILED.put(runId, new AtomicBoolean());
        CHECKPOINTED.put(runId, new AtomicBoolean());
        NexmarkConfig config = NexmarkConfig.builder().seed(7).events(EVENTS)
                .firstEventTime(Instant.parse("2026-01-01T00:00:00Z")).build();

        Configuration conf = new Configuration();
        conf.setString("state.backend", "hashmap");
        conf.setString("state.checkpoints.dir", dir.toUri().toString());
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(Duration.ofMillis(10), CheckpointingMode.EXACTLY_ONCE);
        env.setRestartStrategy(RestartStrategies.fixedDelay(3, Duration.ZERO));
        CollectSink<Tuple2<Long, Long>> sink = new CollectSink<>();
        env.fromSource(new NexmarkSource(config), "nexmark")
                .flatMap(new AuctionOfBidFailingOnce(runId))
                .keyBy(auction -> auction)
                .process(new CountBids())
                .sinkTo(sink);
        JobClient client = env.executeAsync("nexmark bids per auction p=" + parallelism);
        JobExecutionResult result = client.getJobExecutionResult().get();

        assertTrue(FAILED.get(runId).get(), "the failure was injected");
        List<JobStatusChange> history = client.getStatusHistory().get();
        assertEquals(1, history.stream().filter(c -> c.status() == JobStatus.RESTARTING).count(), history.toString());
        Map<Long, Long> actual = new HashMap<>();
        for (Tuple2<Long, Long> row : sink.getResults(result)) {
            assertNull(actual.put(row.f0(), row.f1()), "auction " + row.f0() + " emitted twice");
        }
        assertEquals(bidsPerAuction(config), actual);
    }

    /** Emits the auction id of each bid, keeping the bid's timestamp. */
    static final class AuctionOfBid implements FlatMapFunction<NexmarkEvent, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(NexmarkEvent event, Collector<Long> out) {
            if (event instanceof Bid bid) {
                out.collect(bid.auction());
            }
        }
    }

    /** Emits "auction,windowStart,count". */
    static final class CountPerWindow extends ProcessWindowFunction<Long, String, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long auction, Context ctx, Iterable<Long> bids, Collector<String> out) {
            long count = 0;
            for (Long ignored : bids) {
                count++;
            }
            out.collect(auction + "," + ctx.window().getStart() + "," + count);
        }
    }

    @Test
    void bidsPerAuctionAndTenSecondWindowMatchAPlainLoopWithNoBidLate() throws Exception {
        long windowMillis = 10_000;
        NexmarkConfig config = NexmarkConfig.builder().seed(9).events(200_000).eventsPerSecond(1_000)
                .firstEventTime(Instant.parse("2026-01-01T00:00:00Z")).build();
        Configuration conf = new Configuration();
        conf.setString("pipeline.auto-watermark-interval", "2 ms");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        env.setParallelism(3);
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(new NexmarkSource(config), WatermarkStrategy.forMonotonousTimestamps(), "nexmark")
                .flatMap(new AuctionOfBid())
                .keyBy(auction -> auction)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(windowMillis)))
                .process(new CountPerWindow())
                .sinkTo(sink);

        List<String> rows = sink.getResults(env.execute("nexmark bids per auction and window"));

        NexmarkGenerator generator = new NexmarkGenerator(config);
        Map<String, Long> expected = new HashMap<>();
        for (long id = 0; id < config.numEvents(); id++) {
            if (generator.eventAt(id) instanceof Bid bid) {
                long start = bid.dateTimeMillis() - Math.floorMod(bid.dateTimeMillis(), windowMillis);
                expected.merge(bid.auction() + "," + start, 1L, Long::sum);
            }
        }
        Map<String, Long> actual = new HashMap<>();
        for (String row : rows) {
            int last = row.lastIndexOf(',');
            assertNull(actual.put(row.substring(0, last), Long.parseLong(row.substring(last + 1))), row);
        }
        assertEquals(expected, actual);
    }

    /** The plain loop: bids per auction over events {@code 0 .. numEvents - 1}. */
    private static Map<Long, Long> bidsPerAuction(NexmarkConfig config) {
        NexmarkGenerator generator = new NexmarkGenerator(config);
        Map<Long, Long> expected = new HashMap<>();
        for (long id = 0; id < config.numEvents(); id++) {
            if (generator.eventAt(id) instanceof Bid bid) {
                expected.merge(bid.auction(), 1L, Long::sum);
            }
        }
        return expected;
    }
}
