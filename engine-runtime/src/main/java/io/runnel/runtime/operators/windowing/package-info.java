/**
 * Window operators: {@link io.runnel.runtime.operators.windowing.WindowOperator} for every assigner and trigger
 * (merging windows included), and {@link io.runnel.runtime.operators.windowing.SlicingWindowOperator}, which keeps
 * sliding windows as slices so that an element costs one state update.
 */
package io.runnel.runtime.operators.windowing;
