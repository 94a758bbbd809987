/**
 * How user functions take part in checkpoints: {@link io.runnel.api.checkpoint.CheckpointedFunction} with its
 * operator (non-keyed) state.
 */
package io.runnel.api.checkpoint;
