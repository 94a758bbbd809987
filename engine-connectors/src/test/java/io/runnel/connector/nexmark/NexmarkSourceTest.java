package io.runnel.connector.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.ReaderOutput;
import io.runnel.api.connector.source.SourceOutput;
import io.runnel.api.typeutils.DataInputDeserializer;
import io.runnel.api.typeutils.DataOutputSerializer;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.connector.testing.SourceTestHarness;
import io.runnel.connector.testing.TestingSourceReaderContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NexmarkSourceTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** An emitted event with its timestamp and the split it was emitted through. */
    record Emitted(NexmarkEvent event, long timestamp, String splitId) {
    }

    /** Records every event with its timestamp and split; checks that split outputs are released. */
    static final class RecordingOutput implements ReaderOutput<NexmarkEvent> {
        final List<Emitted> emitted = new ArrayList<>();
        final List<String> released = new ArrayList<>();

        @Override
        public void collect(NexmarkEvent record) {
            throw new AssertionError("every Nexmark event carries its event time");
        }

        @Override
        public void collect(NexmarkEvent record, long timestamp) {
            throw new AssertionError("events go through their split's output");
        }

        @Override
        public SourceOutput<NexmarkEvent> createOutputForSplit(String splitId) {
            return new SourceOutput<>() {
                @Override
                public void collect(NexmarkEvent record) {
                    throw new AssertionError("every Nexmark event carries its event time");
                }

                @Override
                public void collect(NexmarkEvent record, long timestamp) {
                    emitted.add(new Emitted(record, timestamp, splitId));
                }
            };
        }

        @Override
        public void releaseOutputForSplit(String splitId) {
            released.add(splitId);
        }

        List<NexmarkEvent> events() {
            return emitted.stream().map(Emitted::event).toList();
        }
    }

    private static NexmarkConfig config(long seed, long events) {
        return NexmarkConfig.builder().seed(seed).events(events).firstEventTime(START).eventsPerSecond(1_000).build();
    }

    @Test
    void fiftyThousandEventsHoldPersonsAuctionsAndBidsInTheRatioOneToThreeToFortySix() throws Exception {
        List<NexmarkEvent> events = new SourceTestHarness<>(new NexmarkSource(config(7, 50_000)), 1).runToEnd();

        assertEquals(50_000, events.size());
        assertEquals(1_000, events.stream().filter(e -> e instanceof Person).count());
        assertEquals(3_000, events.stream().filter(e -> e instanceof Auction).count());
        assertEquals(46_000, events.stream().filter(e -> e instanceof Bid).count());
        NexmarkGenerator generator = new NexmarkGenerator(config(7, 50_000));
        for (long id = 0; id < 200; id++) {
            NexmarkEvent.Kind kind = NexmarkEvent.Kind.of(id);
            long offset = id % 50;
            assertEquals(offset == 0 ? NexmarkEvent.Kind.PERSON : offset <= 3 ? NexmarkEvent.Kind.AUCTION
                    : NexmarkEvent.Kind.BID, kind, "kind of event " + id);
            assertEquals(kind.name(), generator.eventAt(id).getClass().getSimpleName().toUpperCase());
        }
    }

    @Test
    void theSameSeedGivesTheSameEventsAtParallelismOneAndThree() throws Exception {
        List<NexmarkEvent> one = new SourceTestHarness<>(new NexmarkSource(config(42, 20_000)), 1).runToEnd();
        SourceTestHarness<NexmarkEvent> three = new SourceTestHarness<>(new NexmarkSource(config(42, 20_000)), 3);
        List<NexmarkEvent> threeEvents = three.runToEnd();

        assertEquals(counts(one), counts(threeEvents));
        for (int subtask = 0; subtask < 3; subtask++) {
            assertTrue(three.output(subtask).size() > 6_000, "every subtask generates a third of the events");
        }
        NexmarkGenerator generator = new NexmarkGenerator(config(42, 20_000));
        for (int id = 0; id < one.size(); id++) {
            assertEquals(generator.eventAt(id), one.get(id), "a single reader emits the events in id order");
        }
        List<NexmarkEvent> otherSeed = new SourceTestHarness<>(new NexmarkSource(config(43, 20_000)), 1).runToEnd();
        assertNotEquals(counts(one), counts(otherSeed));
    }

    private static Map<NexmarkEvent, Integer> counts(List<NexmarkEvent> events) {
        Map<NexmarkEvent, Integer> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    @Test
    void bidsReferToAuctionsThatExistAndAreRecent() {
        NexmarkConfig noLead = NexmarkConfig.builder().seed(3).events(50_000).idLeads(0, 0).build();
        assertBidsReferToRecentAuctions(noLead, 0);
        assertBidsReferToRecentAuctions(config(3, 50_000), 10);
    }

    private static void assertBidsReferToRecentAuctions(NexmarkConfig config, int lead) {
        NexmarkGenerator generator = new NexmarkGenerator(config);
        long maxAuction = -1;
        long maxPerson = -1;
        Map<Long, Integer> bidsPerAuction = new HashMap<>();
        for (long id = 0; id < config.numEvents(); id++) {
            NexmarkEvent event = generator.eventAt(id);
            if (event instanceof Person p) {
                assertEquals(maxPerson < 0 ? 1000 : maxPerson + 1, p.id(), "person ids increase by one");
                maxPerson = p.id();
            } else if (event instanceof Auction a) {
                assertEquals(maxAuction < 0 ? 1000 : maxAuction + 1, a.id(), "auction ids increase by one");
                assertTrue(a.seller() >= 1000 && a.seller() <= maxPerson + config.personIdLead(), "seller " + a);
                assertTrue(a.expiresMillis() > a.dateTimeMillis() && a.reserve() > a.initialBid(), a.toString());
                maxAuction = a.id();
            } else if (event instanceof Bid b) {
                assertTrue(b.auction() >= 1000 && b.auction() <= maxAuction + lead, "bid " + id + " names auction "
                        + b.auction() + " while the newest is " + maxAuction);
                long oldestInFlight = maxAuction - Math.max(config.numInFlightAuctions(), 99);
                assertTrue(b.auction() >= oldestInFlight, "bid " + id + " on an old auction " + b.auction());
                assertTrue(b.bidder() >= 1000 && b.bidder() <= maxPerson + Math.max(1, config.personIdLead()));
                bidsPerAuction.merge(b.auction(), 1, Integer::sum);
            }
        }
        // Hot auctions: with ratio 2 about half of the bids go to one auction per block of 100.
        long hotBids = bidsPerAuction.entrySet().stream().filter(e -> (e.getKey() - 1000) % 100 == 0)
                .mapToLong(Map.Entry::getValue).sum();
        assertTrue(hotBids > 46_000 * 0.45, "hot auctions got " + hotBids + " bids");
    }

    @Test
    void eventTimesAreSpacedByTheRateAndIncreaseWithinEachSplit() throws Exception {
        NexmarkConfig config = NexmarkConfig.builder().events(10_000).firstEventTime(START).eventsPerSecond(3)
                .build();
        NexmarkGenerator generator = new NexmarkGenerator(config);
        long start = START.toEpochMilli();
        assertEquals(start, generator.eventTimeMillis(0));
        assertEquals(start + 333, generator.eventTimeMillis(1));
        assertEquals(start + 666, generator.eventTimeMillis(2));
        assertEquals(start + 1000, generator.eventTimeMillis(3));
        assertEquals(start + 1_000_000_000_000L + 333, generator.eventTimeMillis(3_000_000_000L + 1));

        NexmarkSourceReader reader = new NexmarkSourceReader(generator, new TestingSourceReaderContext());
        RecordingOutput output = new RecordingOutput();
        reader.addSplits(new NexmarkSource(config).splits(4));
        reader.notifyNoMoreSplits();
        while (reader.pollNext(output) != InputStatus.END_OF_INPUT) {
            assertTrue(output.emitted.size() <= 10_000);
        }

        assertEquals(10_000, output.emitted.size());
        assertEquals(4, output.released.size());
        Map<String, Long> lastTimeBySplit = new HashMap<>();
        for (Emitted e : output.emitted) {
            assertEquals(e.event().dateTimeMillis(), e.timestamp());
            Long previous = lastTimeBySplit.put(e.splitId(), e.timestamp());
            // Each split holds every 4th id, so its events are 4/3 s of event time apart (1333 or 1334 ms).
            assertTrue(previous == null || e.timestamp() - previous == 1333 || e.timestamp() - previous == 1334,
                    "spacing " + (previous == null ? 0 : e.timestamp() - previous));
        }
    }

    @Test
    void aReaderRestoredFromASnapshotContinuesWithExactlyTheNextEvents() {
        NexmarkConfig config = config(11, 5_000);
        NexmarkSource source = new NexmarkSource(config);
        RecordingOutput uninterrupted = new RecordingOutput();
        NexmarkSourceReader reader = newReader(config, source.splits(3).subList(0, 2));
        while (reader.pollNext(uninterrupted) != InputStatus.END_OF_INPUT) {
            assertTrue(uninterrupted.emitted.size() <= 5_000);
        }

        for (int pollsBeforeSnapshot : new int[] {0, 1, 2, 5, 13}) {
            RecordingOutput before = new RecordingOutput();
            NexmarkSourceReader first = newReader(config, source.splits(3).subList(0, 2));
            for (int i = 0; i < pollsBeforeSnapshot; i++) {
                assertEquals(InputStatus.MORE_AVAILABLE, first.pollNext(before));
            }
            List<NexmarkSplit> snapshot = first.snapshotState(1);
            first.pollNext(before);
            first.close();

            RecordingOutput after = new RecordingOutput();
            NexmarkSourceReader restored = newReader(config, snapshot);
            while (restored.pollNext(after) != InputStatus.END_OF_INPUT) {
                assertTrue(after.emitted.size() <= 5_000);
            }

            List<Emitted> concatenated = new ArrayList<>(before.emitted.subList(0,
                    pollsBeforeSnapshot * NexmarkSourceReader.BATCH_SIZE));
            concatenated.addAll(after.emitted);
            assertEquals(uninterrupted.emitted, concatenated, "restored after " + pollsBeforeSnapshot + " polls");
        }
    }

    private static NexmarkSourceReader newReader(NexmarkConfig config, List<NexmarkSplit> splits) {
        NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(config),
                new TestingSourceReaderContext());
        reader.start();
        reader.addSplits(splits);
        reader.notifyNoMoreSplits();
        return reader;
    }

    @Test
    void splitsAreInterleavedAndHoldEveryIdOnce() {
        NexmarkSource source = new NexmarkSource(config(1, 10));
        assertEquals(List.of(new NexmarkSplit("nexmark-0-of-3", 0, 3, 10), new NexmarkSplit("nexmark-1-of-3", 1, 3, 10),
                new NexmarkSplit("nexmark-2-of-3", 2, 3, 10)), source.splits(3));
        assertEquals(2, new NexmarkSource(config(1, 2)).splits(5).size());
        assertEquals(List.of(), new NexmarkSource(config(1, 0)).splits(2));
    }

    @Test
    void anUnboundedSourceGeneratesWithoutEndAndItsSplitsEndOnlyAtLongMaxValue() {
        NexmarkConfig config = NexmarkConfig.builder().seed(5).build();
        NexmarkSource source = new NexmarkSource(config);
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, source.getBoundedness());
        assertEquals(List.of(new NexmarkSplit("nexmark-0-of-2", 0, 2, Long.MAX_VALUE),
                new NexmarkSplit("nexmark-1-of-2", 1, 2, Long.MAX_VALUE)), source.splits(2));

        TestingSourceReaderContext context = new TestingSourceReaderContext();
        NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(config), context);
        reader.start();
        reader.addSplits(source.splits(2));
        RecordingOutput output = new RecordingOutput();
        for (int i = 0; i < 100; i++) {
            assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        }
        assertEquals(100 * NexmarkSourceReader.BATCH_SIZE, output.emitted.size());
        assertEquals(1, context.splitRequests());
        assertEquals(List.of(new NexmarkSplit("nexmark-0-of-2", 50 * 2 * NexmarkSourceReader.BATCH_SIZE, 2,
                Long.MAX_VALUE), new NexmarkSplit("nexmark-1-of-2", 50 * 2 * NexmarkSourceReader.BATCH_SIZE + 1, 2,
                Long.MAX_VALUE)), reader.snapshotState(1));

        NexmarkSourceReader last = newReader(config, List.of(new NexmarkSplit("end", Long.MAX_VALUE - 5, 2,
                Long.MAX_VALUE)));
        RecordingOutput tail = new RecordingOutput();
        while (last.pollNext(tail) != InputStatus.END_OF_INPUT) {
            assertTrue(tail.emitted.size() <= 3);
        }
        assertEquals(3, tail.emitted.size());
    }

    @Test
    void asksForASplitAtStartAndAfterEachFinishedSplitAndWakesWhenOneArrives() {
        TestingSourceReaderContext context = new TestingSourceReaderContext();
        NexmarkSourceReader reader = new NexmarkSourceReader(new NexmarkGenerator(config(2, 300)), context);
        RecordingOutput output = new RecordingOutput();
        reader.start();
        assertEquals(1, context.splitRequests());
        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        assertFalse(reader.isAvailable().isDone());

        reader.addSplits(List.of(new NexmarkSplit("a", 0, 1, 200)));
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(InputStatus.MORE_AVAILABLE, reader.pollNext(output));
        assertEquals(200, output.emitted.size());
        assertEquals(List.of("a"), output.released);
        assertEquals(2, context.splitRequests());
        assertEquals(List.of(), reader.snapshotState(1));

        assertEquals(InputStatus.NOTHING_AVAILABLE, reader.pollNext(output));
        reader.notifyNoMoreSplits();
        assertTrue(reader.isAvailable().isDone());
        assertEquals(InputStatus.END_OF_INPUT, reader.pollNext(output));
    }

    @Test
    void eventsSurviveTheRoundTripThroughTheSerializerOfTheProducedType() throws Exception {
        NexmarkSource source = new NexmarkSource(config(8, 100));
        TypeSerializer<NexmarkEvent> serializer = source.getProducedType().createSerializer();
        NexmarkGenerator generator = new NexmarkGenerator(source.config());
        DataOutputSerializer out = new DataOutputSerializer(4096);
        for (long id = 0; id < 100; id++) {
            serializer.serialize(generator.eventAt(id), out);
        }
        DataInputDeserializer in = new DataInputDeserializer(out.toByteArray());
        for (long id = 0; id < 100; id++) {
            assertEquals(generator.eventAt(id), serializer.deserialize(in));
        }
    }

    @Test
    void invalidParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NexmarkConfig.builder().eventsPerSecond(0).build());
        assertThrows(IllegalArgumentException.class, () -> NexmarkConfig.builder().events(-1).build());
        assertThrows(IllegalArgumentException.class, () -> NexmarkConfig.builder().hotRatios(0, 1, 1).build());
        assertThrows(IllegalArgumentException.class, () -> new NexmarkSplit("s", 5, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new NexmarkGenerator(config(1, 1)).eventAt(-1));
    }
}
