package io.runnel.runtime.operators;

import io.runnel.api.common.OutputTag;
import io.runnel.graph.OperatorSpec;
import io.runnel.runtime.operators.windowing.SlicingWindowOperator;
import io.runnel.runtime.operators.windowing.WindowOperator;

/**
 * Turns an {@link OperatorSpec} from the job graph into a running operator.
 *
 * <p><b>Threading:</b> stateless; called on the task thread.
 */
public final class OperatorFactory {

    private OperatorFactory() {
    }

    /**
     * @param spec what the operator does (a fresh copy for this subtask)
     * @param parameters what it is created with
     * @return the operator: a {@link SourceOperator} for a source spec, a {@link TwoInputStreamOperator} for a
     *     two-input spec, else a {@link OneInputStreamOperator}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static StreamOperator create(OperatorSpec spec, StreamOperatorParameters parameters) {
        if (spec instanceof OperatorSpec.MapSpec s) {
            return new SimpleOperators.MapOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.FilterSpec s) {
            return new SimpleOperators.FilterOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.FlatMapSpec s) {
            return new SimpleOperators.FlatMapOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.ProcessSpec s) {
            return new SimpleOperators.ProcessOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.KeyedProcessSpec s) {
            return new KeyedProcessOperator(s.function(), s.keySelector(), s.keyType().createSerializer(), parameters);
        } else if (spec instanceof OperatorSpec.WindowSpec s) {
            return SlicingWindowOperator.supports(s) ? new SlicingWindowOperator(s, parameters)
                    : new WindowOperator(s, parameters);
        } else if (spec instanceof OperatorSpec.TimestampsAndWatermarksSpec s) {
            return new TimestampsAndWatermarksOperator(s.strategy(), parameters);
        } else if (spec instanceof OperatorSpec.SinkSpec s) {
            return new SinkWriterOperator(s.sink(), parameters);
        } else if (spec instanceof OperatorSpec.AsyncSpec s) {
            return new AsyncWaitOperator(s, parameters);
        } else if (spec instanceof OperatorSpec.SinkFunctionSpec s) {
            return new SinkFunctionOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.SourceSpec s) {
            return new SourceOperator(s.source(), s.watermarkStrategy(), parameters);
        } else if (spec instanceof OperatorSpec.TwoInputSpec s) {
            return createTwoInput(s, parameters);
        }
        throw new IllegalArgumentException("unknown operator spec " + spec);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static StreamOperator createTwoInput(OperatorSpec.TwoInputSpec spec, StreamOperatorParameters parameters) {
        if (spec instanceof OperatorSpec.CoProcessSpec s) {
            return new CoProcessOperator(s.function(), parameters);
        } else if (spec instanceof OperatorSpec.KeyedCoProcessSpec s) {
            return new KeyedCoProcessOperator(s.function(), s.keySelector1(), s.keySelector2(),
                    s.keyType().createSerializer(), parameters);
        } else if (spec instanceof OperatorSpec.IntervalJoinSpec s) {
            return new IntervalJoinOperator(s, parameters);
        } else if (spec instanceof OperatorSpec.BroadcastProcessSpec s) {
            return new BroadcastProcessOperator(s.function(), new BroadcastStates(s.descriptors(), parameters.operatorStateBackend()), parameters);
        } else if (spec instanceof OperatorSpec.KeyedBroadcastProcessSpec s) {
            return new KeyedBroadcastProcessOperator(s.function(), s.keySelector(), s.keyType().createSerializer(),
                    new BroadcastStates(s.descriptors(), parameters.operatorStateBackend()), parameters);
        }
        throw new IllegalArgumentException("unknown two-input operator spec " + spec);
    }

    /**
     * Wires {@code next} as the target of a chained output that carries the main output ({@code tag} null) or
     * the side output {@code tag}.
     *
     * @return an output that calls {@code next} directly
     * @throws IllegalArgumentException if {@code next} cannot take input (a source)
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Output<?> chainTo(StreamOperator next, OutputTag<?> tag) {
        if (!(next instanceof OneInputStreamOperator<?, ?> op)) {
            throw new IllegalArgumentException("cannot chain into " + next);
        }
        return new ChainingOutput(op, tag);
    }

    /** @return one output for all of {@code outputs} (copying records for all but the last) */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Output<?> broadcast(java.util.List<Output<?>> outputs) {
        return outputs.size() == 1 ? outputs.get(0) : new BroadcastingOutput(outputs);
    }
}
