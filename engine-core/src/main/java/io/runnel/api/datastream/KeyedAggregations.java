package io.runnel.api.datastream;

import io.runnel.api.common.Tuple2;
import io.runnel.api.functions.AggregateFunction;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.KeySelector;
import io.runnel.api.functions.KeyedProcessFunction;
import io.runnel.api.functions.ReduceFunction;
import io.runnel.api.functions.RichFunction;
import io.runnel.api.state.ValueState;
import io.runnel.api.state.ValueStateDescriptor;
import io.runnel.api.typeutils.TypeInformation;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The running keyed aggregations of {@link KeyedStream}, written as keyed process functions over a
 * {@link ValueState}, so they need no operators of their own and use whichever state backend the job has.
 * User functions inside them get the same runtime context and lifecycle calls as if they ran alone.
 */
final class KeyedAggregations {

    private KeyedAggregations() {
    }

    /** Base: one value state named after the aggregation, and lifecycle forwarding to a wrapped user function. */
    abstract static class StateBacked<K, T, S, R> extends KeyedProcessFunction<K, T, R> {
        private static final long serialVersionUID = 1L;
        private final String stateName;
        private final TypeInformation<S> stateType;
        private final Object userFunction;
        protected transient ValueState<S> state;

        StateBacked(String stateName, TypeInformation<S> stateType, Object userFunction) {
            this.stateName = stateName;
            this.stateType = stateType;
            this.userFunction = userFunction;
        }

        @Override
        public void open() throws Exception {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>(stateName, stateType));
            if (userFunction instanceof RichFunction rich) {
                rich.setRuntimeContext(getRuntimeContext());
                rich.open();
            }
        }

        @Override
        public void close() throws Exception {
            if (userFunction instanceof RichFunction rich) {
                rich.close();
            }
        }
    }

    static final class Reduce<K, T> extends StateBacked<K, T, T, T> {
        private static final long serialVersionUID = 1L;
        private final ReduceFunction<T> reducer;

        Reduce(ReduceFunction<T> reducer, TypeInformation<T> type) {
            super("reduce", type, reducer);
            this.reducer = reducer;
        }

        @Override
        public void processElement(T value, Context ctx, Collector<T> out) throws Exception {
            T current = state.value();
            T next = current == null ? value : reducer.reduce(current, value);
            state.update(next);
            out.collect(next);
        }
    }

    static final class Aggregate<K, T, A, R> extends StateBacked<K, T, A, R> {
        private static final long serialVersionUID = 1L;
        private final AggregateFunction<T, A, R> function;

        Aggregate(AggregateFunction<T, A, R> function) {
            super("aggregate", TypeInformation.generic(), function);
            this.function = function;
        }

        @Override
        public void processElement(T value, Context ctx, Collector<R> out) throws Exception {
            A acc = state.value();
            acc = function.add(value, acc == null ? function.createAccumulator() : acc);
            state.update(acc);
            out.collect(function.getResult(acc));
        }
    }

    static final class Sum<K, T, N extends Number> extends StateBacked<K, T, N, Tuple2<K, N>> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T, N> field;

        Sum(KeySelector<T, N> field) {
            super("sum", TypeInformation.generic(), field);
            this.field = field;
        }

        @Override
        public void processElement(T value, Context ctx, Collector<Tuple2<K, N>> out) throws Exception {
            N add = field.getKey(value);
            N current = state.value();
            N next = current == null ? add : plus(current, add);
            state.update(next);
            out.collect(Tuple2.of(ctx.getCurrentKey(), next));
        }

        @SuppressWarnings("unchecked")
        static <N extends Number> N plus(N a, N b) {
            Object r;
            if (a instanceof Long x) {
                r = x + b.longValue();
            } else if (a instanceof Integer x) {
                r = x + b.intValue();
            } else if (a instanceof Double x) {
                r = x + b.doubleValue();
            } else if (a instanceof Float x) {
                r = x + b.floatValue();
            } else if (a instanceof Short x) {
                r = (short) (x + b.shortValue());
            } else if (a instanceof Byte x) {
                r = (byte) (x + b.byteValue());
            } else if (a instanceof BigDecimal x) {
                r = x.add((BigDecimal) b);
            } else if (a instanceof BigInteger x) {
                r = x.add((BigInteger) b);
            } else {
                throw new IllegalArgumentException("sum() does not know how to add " + a.getClass().getName());
            }
            return (N) r;
        }
    }

    static final class MinMax<K, T, C extends Comparable<C>> extends StateBacked<K, T, T, T> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T, C> field;
        private final boolean max;

        MinMax(KeySelector<T, C> field, boolean max, TypeInformation<T> type) {
            super(max ? "max" : "min", type, field);
            this.field = field;
            this.max = max;
        }

        @Override
        public void processElement(T value, Context ctx, Collector<T> out) throws Exception {
            T current = state.value();
            if (current == null) {
                state.update(value);
                out.collect(value);
                return;
            }
            int cmp = field.getKey(value).compareTo(field.getKey(current));
            boolean replace = max ? cmp > 0 : cmp < 0;
            T next = replace ? value : current;
            if (replace) {
                state.update(next);
            }
            out.collect(next);
        }
    }
}
