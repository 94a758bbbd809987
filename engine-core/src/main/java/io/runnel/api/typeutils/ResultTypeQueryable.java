package io.runnel.api.typeutils;

import io.runnel.annotation.Public;

/**
 * Implemented by sources and functions that know their output type when Java's erasure hides it from the
 * {@link TypeExtractor}.
 *
 * @param <T> the produced type
 */
@Public
public interface ResultTypeQueryable<T> {

    /** @return the type of the produced values */
    TypeInformation<T> getProducedType();
}
