package io.runnel.api.functions;

import io.runnel.annotation.Public;

/**
 * Extracts the key of a value for {@code keyBy}. The key's {@code hashCode()} decides its key group, so it must
 * be deterministic across JVMs (no identity hash codes, no enums' {@code hashCode}: use their name) and the
 * selector must return equal keys for the same value every time.
 *
 * @param <IN> the value type
 * @param <KEY> the key type
 */
@Public
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {

    /** @throws Exception to fail the task */
    KEY getKey(IN value) throws Exception;
}
