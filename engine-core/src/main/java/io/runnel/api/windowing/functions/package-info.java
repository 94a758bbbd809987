/**
 * The window functions: user code that gets all elements of a fired window, with the window, the clocks, per-window
 * and per-key state, and side outputs.
 */
package io.runnel.api.windowing.functions;
