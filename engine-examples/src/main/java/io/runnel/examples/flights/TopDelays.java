package io.runnel.examples.flights;

import io.runnel.api.checkpoint.CheckpointedFunction;
import io.runnel.api.checkpoint.FunctionInitializationContext;
import io.runnel.api.checkpoint.FunctionSnapshotContext;
import io.runnel.api.functions.Collector;
import io.runnel.api.functions.ProcessFunction;
import io.runnel.api.state.ListState;
import io.runnel.api.state.ListStateDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The final top-N step of {@link FlightDelays}: keeps the latest running {@link DelayStats} of every airport and,
 * once the bounded input has ended, emits the ranking of {@link DelayRanking#topLines}.
 *
 * <p><b>Contract:</b> runs at parallelism 1 so it sees every airport. The latest update of an airport is its final
 * one because all updates of one airport come from the same upstream subtask, in order. The map lives only on
 * the heap: Runnel has no checkpoints yet, so a failure fails the whole job and nothing is restored; a new run
 * reads the input from the start and builds the map afresh. It stays small: at most a few hundred airports.
 *
 * <p><b>Threading:</b> task thread only.
 */
public final class TopDelays extends ProcessFunction<DelayStats, String> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    private final long minFlights;
    private final int limit;
    /**
     * Owned by the task thread; created in {@link #initializeState} because functions are shipped serialized, and
     * written into operator state at each checkpoint so a restored job ranks every airport.
     */
    private transient Map<String, DelayStats> latest;
    private transient ListState<DelayStats> checkpointed;

    /**
     * @param minFlights the smallest number of flights an airport needs to be ranked
     * @param limit how many airports to emit at most
     */
    public TopDelays(long minFlights, int limit) {
        this.minFlights = minFlights;
        this.limit = limit;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        latest = new HashMap<>();
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("latest-per-airport", DelayStats.class));
        for (DelayStats stats : checkpointed.get()) {
            latest.put(stats.origin(), stats);
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        checkpointed.update(new ArrayList<>(latest.values()));
    }

    @Override
    public void processElement(DelayStats value, Context ctx, Collector<String> out) {
        latest.put(value.origin(), value);
    }

    @Override
    public void endInput(Collector<String> out) {
        DelayRanking.topLines(latest.values(), minFlights, limit).forEach(out::collect);
    }
}
