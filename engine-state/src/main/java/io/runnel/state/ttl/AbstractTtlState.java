package io.runnel.state.ttl;

import io.runnel.api.state.State;
import io.runnel.state.InternalKvState;

/**
 * Base of the TTL decorators: a user-facing state over a backend state that stores {@link TtlValue}s. The decorator
 * stamps values on write and applies {@link TtlPolicy} on read; key and namespace scoping stay with the backend
 * state, to which {@link #setCurrentNamespace} and {@link #clear()} go unchanged. The decorator design follows
 * Flink's {@code AbstractTtlDecorator}: one implementation of TTL serves every backend.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <S> the backend state type (over {@link TtlValue}s)
 */
abstract class AbstractTtlState<N, S extends State> implements InternalKvState<N> {

    final S stored;
    final TtlPolicy policy;
    private final InternalKvState<N> scoped;

    @SuppressWarnings("unchecked")
    AbstractTtlState(S stored, TtlPolicy policy) {
        this.stored = stored;
        this.policy = policy;
        // Every backend state implements InternalKvState (see KeyedStateBackend#getOrCreateKeyedState).
        this.scoped = (InternalKvState<N>) stored;
    }

    @Override
    public final void setCurrentNamespace(N namespace) {
        scoped.setCurrentNamespace(namespace);
    }

    @Override
    public final void clear() {
        stored.clear();
    }

    @Override
    public String toString() {
        return stored + " with " + policy.config();
    }
}
