package io.runnel.state;

/**
 * A reducing or aggregating state whose stored value (the reduced value, the accumulator) the engine can read and
 * replace directly for the current key and namespace, bypassing the user's function. The TTL layer needs this to
 * check and renew the timestamp stored with the value. After Flink's {@code InternalAppendingState}.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <N> the namespace type
 * @param <SV> the type of the stored value
 */
public interface InternalAppendingState<N, SV> extends InternalMergingState<N> {

    /** @return the stored value of the current key in the current namespace, or null if there is none */
    SV getInternal();

    /** Replaces the stored value of the current key in the current namespace; null removes the entry. */
    void updateInternal(SV value);
}
