package io.runnel.state;

import io.runnel.api.common.Tuple2;
import io.runnel.api.state.State;
import io.runnel.api.state.StateDescriptor;
import io.runnel.api.typeutils.TypeSerializer;
import io.runnel.state.snapshot.AsyncSnapshot;
import io.runnel.state.snapshot.CheckpointStreamFactory;
import io.runnel.state.snapshot.KeyedStateHandle;
import java.util.stream.Stream;

/**
 * Holds the keyed state of one keyed operator's subtask: the entries of the key groups in its
 * {@link KeyGroupRange}, for every state the operator registered. State objects are scoped to the current key
 * (and namespace): the operator sets the key of each record before calling the user function.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * <p><b>Lifecycle:</b> created for the subtask by a {@link StateBackend}; {@link #close()} releases it (native
 * resources for RocksDB).
 *
 * @param <K> the key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

    /**
     * Sets the key that state accesses refer to until the next call.
     *
     * @throws IllegalStateException if the key's group is not in this backend's range (a partitioning bug)
     */
    void setCurrentKey(K key);

    /** @return the current key */
    K getCurrentKey();

    /** @return the key group of the current key */
    int getCurrentKeyGroup();

    /** @return the key groups this backend holds */
    KeyGroupRange getKeyGroupRange();

    /** @return the total number of key groups of the operator */
    int getMaxParallelism();

    /**
     * @return the state for the descriptor, created on first use (a {@code ValueState} for a value descriptor,
     *     and so on); the same object for the same name
     * @throws IllegalStateException if the name was registered before with another kind of state
     */
    <S extends State> S getOrCreateKeyedState(StateDescriptor<?> descriptor);

    /**
     * Like {@link #getOrCreateKeyedState(StateDescriptor)} for state scoped to a namespace as well as the key. The
     * returned object implements {@link InternalKvState}; list, reducing and aggregating states also implement
     * {@link InternalMergingState}.
     *
     * @param namespaceSerializer serializer of the namespaces (windows), for backends that store bytes
     * @throws IllegalStateException if the name was registered before with another kind of state
     */
    <N, S extends State> S getOrCreateKeyedState(TypeSerializer<N> namespaceSerializer,
                                                 StateDescriptor<?> descriptor);

    /**
     * @return the keys that have an entry of the named state in {@code namespace}, over this backend's key groups;
     *     the state must not be modified while the stream is consumed
     */
    <N> Stream<K> getKeys(String stateName, N namespace);

    /**
     * @return every (key, namespace) with an entry of the named state, once each (a map state's user keys do not
     *     repeat it), over this backend's key groups, in no particular order; empty for an unknown name. The state
     *     must not be modified while the stream is consumed. As Flink's {@code getKeysAndNamespaces}.
     */
    <N> Stream<Tuple2<K, N>> getKeysAndNamespaces(String stateName);

    /**
     * Creates a priority queue held by this backend (timers).
     *
     * @param name unique among the queues and states of this backend
     * @throws IllegalStateException if the name is taken
     */
    <T> KeyGroupedPriorityQueue<T> createPriorityQueue(String name, PriorityQueueSpec<T> spec);

    /**
     * Takes the synchronous part of a snapshot of every state and priority queue of this backend, on the task
     * thread, and returns the asynchronous part that writes it. States restored but not yet registered again are
     * part of the snapshot too, so nothing restored is lost by an operator that did not touch it.
     *
     * @param streams where the snapshot's bytes go
     * @return the asynchronous part; its handle covers {@link #getKeyGroupRange()}
     * @throws Exception if the synchronous part fails (the checkpoint is then declined)
     */
    AsyncSnapshot<KeyedStateHandle> snapshot(CheckpointStreamFactory streams) throws Exception;

    /**
     * Tells the backend that a checkpoint completed: an incremental backend may now refer to the files it
     * uploaded for it instead of uploading them again. Task thread.
     *
     * @param checkpointId the completed checkpoint
     */
    default void notifyCheckpointComplete(long checkpointId) {
    }

    /**
     * Tells the backend that a checkpoint was aborted: it must not refer to that checkpoint's files. Task thread.
     *
     * @param checkpointId the aborted checkpoint
     */
    default void notifyCheckpointAborted(long checkpointId) {
    }

    @Override
    void close();
}
