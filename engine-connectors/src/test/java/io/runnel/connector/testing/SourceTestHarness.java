package io.runnel.connector.testing;

import io.runnel.api.connector.source.InputStatus;
import io.runnel.api.connector.source.Source;
import io.runnel.api.connector.source.SourceReader;
import io.runnel.api.connector.source.SourceSplit;
import io.runnel.api.connector.source.SplitEnumerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a source's enumerator and {@code parallelism} readers on the test thread, the way the runtime does:
 * split requests, assignments and no-more-splits signals travel as queued "mails" that run between
 * {@code pollNext} calls, and an idle harness waits on the readers' availability futures (never sleeps).
 *
 * @param <T> the record type
 */
public final class SourceTestHarness<T> {

    private static final long WAIT_TIMEOUT_SECONDS = 30;

    private final Source<T, ?, ?> source;
    private final int parallelism;
    private final ArrayDeque<Runnable> mails = new ArrayDeque<>();
    private final List<TestingReaderOutput<T>> outputs = new ArrayList<>();
    private final List<TestingSourceReaderContext> contexts = new ArrayList<>();

    public SourceTestHarness(Source<T, ?, ?> source, int parallelism) {
        this.source = source;
        this.parallelism = parallelism;
    }

    /** Runs the source until every reader has ended; closes the readers and the enumerator, also on failure. */
    public List<T> runToEnd() throws Exception {
        run(source);
        List<T> all = new ArrayList<>();
        outputs.forEach(o -> all.addAll(o.records()));
        return all;
    }

    /** @return what subtask {@code subtask} emitted (after {@link #runToEnd()}) */
    public List<T> output(int subtask) {
        return outputs.get(subtask).records();
    }

    public TestingRuntimeContext runtimeContext(int subtask) {
        return contexts.get(subtask).testingRuntimeContext();
    }

    public long counterSum(String name) {
        return contexts.stream().mapToLong(c -> c.testingRuntimeContext().counterValue(name)).sum();
    }

    private <SplitT extends SourceSplit> void run(Source<T, SplitT, ?> src) throws Exception {
        TestingSplitEnumeratorContext<SplitT> enumContext = new TestingSplitEnumeratorContext<>(parallelism);
        List<SourceReader<T, SplitT>> readers = new ArrayList<>();
        try (SplitEnumerator<SplitT, ?> enumerator = src.createEnumerator(enumContext)) {
            enumContext.forwardTo((split, subtask) -> mails.add(() -> readers.get(subtask).addSplits(List.of(split))),
                    subtask -> mails.add(() -> readers.get(subtask).notifyNoMoreSplits()));
            enumerator.start();
            for (int i = 0; i < parallelism; i++) {
                int subtask = i;
                TestingSourceReaderContext ctx = new TestingSourceReaderContext(i,
                        new TestingRuntimeContext("test-source", i, parallelism),
                        () -> mails.add(() -> enumerator.handleSplitRequest(subtask)));
                contexts.add(ctx);
                outputs.add(new TestingReaderOutput<>());
                readers.add(src.createReader(ctx));
                enumContext.registerReader(i);
                enumerator.addReader(i);
            }
            for (SourceReader<T, SplitT> r : readers) {
                r.start();
            }
            pollUntilEnd(readers);
        } finally {
            for (SourceReader<T, SplitT> r : readers) {
                r.close();
            }
        }
    }

    private <SplitT extends SourceSplit> void pollUntilEnd(List<SourceReader<T, SplitT>> readers) throws Exception {
        boolean[] ended = new boolean[readers.size()];
        int running = readers.size();
        while (running > 0) {
            while (!mails.isEmpty()) {
                mails.poll().run();
            }
            boolean progress = false;
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                if (ended[i]) {
                    continue;
                }
                InputStatus status = readers.get(i).pollNext(outputs.get(i));
                progress |= status == InputStatus.MORE_AVAILABLE;
                if (status == InputStatus.END_OF_INPUT) {
                    ended[i] = true;
                    running--;
                } else if (status == InputStatus.NOTHING_AVAILABLE) {
                    waiting.add(readers.get(i).isAvailable());
                }
            }
            if (!progress && mails.isEmpty() && !waiting.isEmpty()) {
                CompletableFuture.anyOf(waiting.toArray(new CompletableFuture<?>[0]))
                        .get(WAIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
    }
}
