package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.functions.AbstractRichFunction;
import io.runnel.api.functions.CoGroupFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.JoinFunction;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;

/**
 * A windowed inner join of two streams, from {@link DataStream#join}: per key and window, a {@link JoinFunction}
 * is called for every pair of a first-stream and a second-stream value. Runs as a coGroup (see
 * {@link CoGroupedStreams}) whose function loops over the pairs, as Flink's {@code JoinedStreams} does; a window
 * in which one side has no value yields nothing.
 * <pre>{@code
 * a.join(b).where(A::key).equalTo(B::key)
 *  .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *  .apply((x, y) -> x.value() + y.value());
 * }</pre>
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T1> the first stream's type
 * @param <T2> the second stream's type
 */
@Public
public class JoinedStreams<T1, T2> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        if (input1.environment != input2.environment) {
            throw new IllegalArgumentException("Cannot join streams of different environments");
        }
        this.input1 = input1;
        this.input2 = input2;
    }

    /** Sets the first stream's key. @return the next step, which takes the second stream's key */
    public <K> Where<K> where(KeySelector<T1, K> keySelector1) {
        return new Where<>(keySelector1);
    }

    /**
     * The join with the first key set.
     *
     * @param <K> the key type
     */
    @Public
    public final class Where<K> {
        private final KeySelector<T1, K> keySelector1;

        private Where(KeySelector<T1, K> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        /** Sets the second stream's key, of the same type. @return the next step, which takes the windows */
        public EqualTo equalTo(KeySelector<T2, K> keySelector2) {
            return new EqualTo(keySelector2);
        }

        /** The join with both keys set. */
        @Public
        public final class EqualTo {
            private final KeySelector<T2, K> keySelector2;

            private EqualTo(KeySelector<T2, K> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /**
             * @param assigner the windows, e.g. {@code TumblingEventTimeWindows.of(Duration.ofSeconds(10))}
             * @return the windowed join, to configure and apply a function to
             */
            public <W extends Window> WithWindow<T1, T2, K, W> window(
                    WindowAssigner<? super CoGroupedStreams.TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(new CoGroupedStreams.WithWindow<>(input1, input2, keySelector1,
                        keySelector2, assigner));
            }
        }
    }

    /**
     * A windowed join: optionally set trigger and allowed lateness, then apply a function.
     *
     * @param <T1> the first stream's type
     * @param <T2> the second stream's type
     * @param <K> the key type
     * @param <W> the window type
     */
    @Public
    public static class WithWindow<T1, T2, K, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, K, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, K, W> coGroup) {
            this.coGroup = coGroup;
        }

        /** Replaces the assigner's default trigger. @return this */
        public WithWindow<T1, T2, K, W> trigger(
                Trigger<? super CoGroupedStreams.TaggedUnion<T1, T2>, ? super W> newTrigger) {
            coGroup.trigger(newTrigger);
            return this;
        }

        /** Keeps windows for late values this long after their end (see WindowedStream). @return this */
        public WithWindow<T1, T2, K, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        /**
         * Applies {@code function} to every pair of one key and window.
         *
         * @return the stream of its results, which carry the window's {@code maxTimestamp()} as event time
         */
        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return apply(function, TypeExtractor.outputType(function, JoinFunction.class, 2, true));
        }

        /**
         * Applies {@code function} to every pair of one key and window, stating the result type.
         *
         * @return the stream of its results
         */
        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function,
                                                        TypeInformation<T> resultType) {
            return coGroup.build("Join", new NestedLoopJoin<>(function), resultType);
        }
    }

    /**
     * The inner join of one key's window: the function over the cross product of the two sides. Rich, so that a
     * rich join function is opened and closed with it.
     */
    static final class NestedLoopJoin<T1, T2, T> extends AbstractRichFunction implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final JoinFunction<T1, T2, T> function;

        NestedLoopJoin(JoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void open() throws Exception {
            if (function instanceof RichFunction rich) {
                rich.setRuntimeContext(getRuntimeContext());
                rich.open();
            }
        }

        @Override
        public void close() throws Exception {
            if (function instanceof RichFunction rich) {
                rich.close();
            }
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    out.collect(function.join(a, b));
                }
            }
        }
    }
}
