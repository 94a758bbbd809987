package io.runnel.api.datastream;

import io.runnel.annotation.Public;
import io.runnel.api.functions.CoGroupFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.MapFunction;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.typeutils.TypeExtractor;
import io.runnel.api.typeutils.TypeInformation;
import io.runnel.api.windowing.assigners.WindowAssigner;
import io.runnel.api.windowing.evictors.Evictor;
import io.runnel.api.windowing.functions.ProcessWindowFunction;
import io.runnel.api.windowing.triggers.Trigger;
import io.runnel.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A windowed coGroup of two streams, from {@link DataStream#coGroup}: per key and window, a
 * {@link CoGroupFunction} sees all values of both sides. As in Flink, it is built from the one-input machinery:
 * both streams are mapped into one {@link TaggedUnion} stream, keyed by the side's key selector, and cut into
 * windows by the ordinary keyed window operator, whose window function splits a window's contents back into the
 * two sides. Follows Flink's {@code CoGroupedStreams}.
 * <pre>{@code
 * a.coGroup(b).where(A::key).equalTo(B::key)
 *  .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *  .apply(new CountBothSides());
 * }</pre>
 *
 * <p><b>Threading:</b> not thread-safe; used on the thread that builds the job.
 *
 * @param <T1> the first stream's type
 * @param <T2> the second stream's type
 */
@Public
public class CoGroupedStreams<T1, T2> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        if (input1.environment != input2.environment) {
            throw new IllegalArgumentException("Cannot coGroup streams of different environments");
        }
        this.input1 = input1;
        this.input2 = input2;
    }

    /** Sets the first stream's key. @return the next step, which takes the second stream's key */
    public <K> Where<K> where(KeySelector<T1, K> keySelector1) {
        return new Where<>(keySelector1);
    }

    /**
     * A value of either stream, so both can travel in one stream to one window operator: exactly one of the
     * fields is set. Engine-internal in spirit; public so that its serializer can reach it.
     *
     * @param one the first stream's value, or null
     * @param two the second stream's value, or null
     * @param <T1> the first stream's type
     * @param <T2> the second stream's type
     */
    public record TaggedUnion<T1, T2>(T1 one, T2 two) {

        /** @return a value of the first stream */
        public static <T1, T2> TaggedUnion<T1, T2> ofOne(T1 value) {
            return new TaggedUnion<>(value, null);
        }

        /** @return a value of the second stream */
        public static <T1, T2> TaggedUnion<T1, T2> ofTwo(T2 value) {
            return new TaggedUnion<>(null, value);
        }

        /** @return true if this is a value of the first stream */
        public boolean isOne() {
            return one != null;
        }
    }

    /**
     * The coGroup with the first key set.
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

        /** The coGroup with both keys set. */
        @Public
        public final class EqualTo {
            private final KeySelector<T2, K> keySelector2;

            private EqualTo(KeySelector<T2, K> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            /**
             * @param assigner the windows, e.g. {@code TumblingEventTimeWindows.of(Duration.ofSeconds(10))}
             * @return the windowed coGroup, to configure and apply a function to
             */
            public <W extends Window> WithWindow<T1, T2, K, W> window(
                    WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner);
            }
        }
    }

    /**
     * A windowed coGroup: optionally set trigger, evictor and allowed lateness, then apply a function.
     *
     * @param <T1> the first stream's type
     * @param <T2> the second stream's type
     * @param <K> the key type
     * @param <W> the window type
     */
    @Public
    public static class WithWindow<T1, T2, K, W extends Window> {
        private final DataStream<T1> input1;
        private final DataStream<T2> input2;
        private final KeySelector<T1, K> keySelector1;
        private final KeySelector<T2, K> keySelector2;
        private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
        private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
        private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
        private Duration allowedLateness = Duration.ZERO;

        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, K> keySelector1,
                   KeySelector<T2, K> keySelector2, WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            this.input1 = input1;
            this.input2 = input2;
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
            this.assigner = assigner;
        }

        /** Replaces the assigner's default trigger. @return this */
        public WithWindow<T1, T2, K, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> newTrigger) {
            this.trigger = newTrigger;
            return this;
        }

        /** Sets an evictor. @return this */
        public WithWindow<T1, T2, K, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> newEvictor) {
            this.evictor = newEvictor;
            return this;
        }

        /** Keeps windows for late values this long after their end (see WindowedStream). @return this */
        public WithWindow<T1, T2, K, W> allowedLateness(Duration lateness) {
            this.allowedLateness = lateness;
            return this;
        }

        /**
         * Applies {@code function} per key and window.
         *
         * @return the stream of its results, which carry the window's {@code maxTimestamp()} as event time
         */
        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            return apply(function, TypeExtractor.outputType(function, CoGroupFunction.class, 2, false));
        }

        /**
         * Applies {@code function} per key and window, stating the result type.
         *
         * @return the stream of its results
         */
        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function,
                                                        TypeInformation<T> resultType) {
            return build("CoGroup", function, resultType);
        }

        /** Tags, unions, keys and windows the two streams; {@code name} names the window operator. */
        <T> SingleOutputStreamOperator<T> build(String name, CoGroupFunction<T1, T2, T> function,
                                                TypeInformation<T> resultType) {
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new TagOne<T1, T2>()).name(name + ": tag input 1");
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new TagTwo<T1, T2>()).name(name + ": tag input 2");
            TypeInformation<K> keyType = TypeExtractor.outputType(keySelector1, KeySelector.class, 1, true);
            KeyedStream<TaggedUnion<T1, T2>, K> keyed = new KeyedStream<>(tagged1.union(tagged2),
                    new UnionKeySelector<>(keySelector1, keySelector2), keyType);
            WindowedStream<TaggedUnion<T1, T2>, K, W> windowed = new WindowedStream<>(keyed, assigner);
            if (trigger != null) {
                windowed.trigger(trigger);
            }
            if (evictor != null) {
                windowed.evictor(evictor);
            }
            windowed.allowedLateness(allowedLateness);
            return windowed.process(new CoGroupWindowFunction<T1, T2, T, K, W>(function)).returns(resultType)
                    .name(name);
        }
    }

    /** Wraps a first-stream value. */
    static final class TagOne<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.ofOne(value);
        }
    }

    /** Wraps a second-stream value. */
    static final class TagTwo<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.ofTwo(value);
        }
    }

    /** The key of a tagged value: its own side's key. */
    static final class UnionKeySelector<T1, T2, K> implements KeySelector<TaggedUnion<T1, T2>, K> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T1, K> keySelector1;
        private final KeySelector<T2, K> keySelector2;

        UnionKeySelector(KeySelector<T1, K> keySelector1, KeySelector<T2, K> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public K getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.one()) : keySelector2.getKey(value.two());
        }
    }

    /**
     * Splits a fired window's tagged values into the two sides and hands them to the coGroup function; opens and
     * closes that function when it is rich, sharing this function's runtime context.
     */
    static final class CoGroupWindowFunction<T1, T2, T, K, W extends Window>
            extends ProcessWindowFunction<TaggedUnion<T1, T2>, T, K, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
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
        public void process(K key, Context context, Iterable<TaggedUnion<T1, T2>> elements, Collector<T> out)
                throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion<T1, T2> e : elements) {
                if (e.isOne()) {
                    first.add(e.one());
                } else {
                    second.add(e.two());
                }
            }
            function.coGroup(first, second, out);
        }
    }
}
