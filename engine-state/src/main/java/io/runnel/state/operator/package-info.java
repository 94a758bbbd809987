/**
 * Operator (non-keyed) state: {@link io.runnel.state.operator.DefaultOperatorStateBackend} holds the named lists of
 * one parallel instance, {@link io.runnel.state.operator.OperatorStateRedistributor} deals them out again when
 * the parallelism changes.
 */
package io.runnel.state.operator;
