package io.runnel.connector.nexmark;

import io.runnel.annotation.Public;
import io.runnel.api.connector.source.Boundedness;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceReaderContext;
import io.runnel.api.connector.source.SplitEnumerator;
import io.runnel.api.connector.source.SplitEnumeratorContext;
import io.runnel.api.typeutils.ResultTypeQueryable;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.connector.base.StaticSplitEnumerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generator source of the Nexmark benchmark's events ({@link Person}, {@link Auction}, {@link Bid}), bounded by
 * an event count or unbounded.
 *
 * <pre>{@code
 * NexmarkConfig config = NexmarkConfig.builder().seed(7).events(EVENTS)
 *         .firstEventTime(Instant.parse("2026-01-01T00:00:00Z")).build();
 * env.fromSource(new NexmarkSource(config), "nexmark")
 * }</pre>
 * (from {@code NexmarkSourceIT}, which counts bids per auction through a failure and a restore)
 *
 * <p><b>Contract:</b> over all subtasks the source emits event {@code n} exactly once for each
 * {@code 0 <= n < numEvents} (every {@code n} if unbounded), each equal to {@link NexmarkGenerator#eventAt}
 * {@code (n)} and with the timestamp {@link NexmarkGenerator#eventTimeMillis}{@code (n)} (the same as its
 * {@code dateTimeMillis}), so the multiset of events depends only on the configuration, not on the parallelism or on
 * failures and restores. The enumerator cuts the ids into {@code k = min(parallelism, numEvents)} interleaved
 * {@link NexmarkSplit}s (split {@code i} holds the ids {@code n ≡ i mod k}), handed out on request
 * ({@link StaticSplitEnumerator}); within a split, ids and event times increase, and time advances by about
 * {@code k / eventsPerSecond} s per event. Each split has its own output, so a job's {@code WatermarkStrategy}
 * generates watermarks per split. A snapshot holds each split at its next id; a restored reader continues there.
 *
 * <p><b>Threading:</b> immutable; its readers are task-thread only and generate events there (no fetcher thread).
 *
 * <p><b>Lifecycle:</b> a reader asks for a split when it starts and after each split it finishes.
 */
@Public
public final class NexmarkSource implements Source<NexmarkEvent, NexmarkSplit, List<NexmarkSplit>>,
        ResultTypeQueryable<NexmarkEvent> {

    private static final long serialVersionUID = 1L;

    private final NexmarkConfig config;

    /** @param config the generator parameters */
    public NexmarkSource(NexmarkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @return the generator parameters */
    public NexmarkConfig config() {
        return config;
    }

    @Override
    public Boundedness getBoundedness() {
        return config.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> createEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context) {
        return new StaticSplitEnumerator<>(context, splits(Math.max(1, context.currentParallelism())));
    }

    /** Restores the splits not yet handed out at the checkpoint. */
    @Override
    public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> restoreEnumerator(
            SplitEnumeratorContext<NexmarkSplit> context, List<NexmarkSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<NexmarkEvent, NexmarkSplit> createReader(SourceReaderContext context) {
        return new NexmarkSourceReader(new NexmarkGenerator(config), context);
    }

    @Override
    public TypeInformation<NexmarkEvent> getProducedType() {
        return TypeInformation.of(NexmarkEvent.class);
    }

    /** @return {@code min(numSplits, numEvents)} interleaved splits that together hold every event id once */
    List<NexmarkSplit> splits(int numSplits) {
        long count = Math.min(numSplits, config.numEvents());
        List<NexmarkSplit> splits = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            splits.add(new NexmarkSplit("nexmark-" + i + "-of-" + count, i, count, config.numEvents()));
        }
        return splits;
    }
}
