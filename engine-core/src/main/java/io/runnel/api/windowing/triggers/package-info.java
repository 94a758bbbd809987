/**
 * Triggers: they decide when a window's contents are handed to the window function ({@code FIRE}) and when they are
 * dropped ({@code PURGE}), driven by elements and by event-time and processing-time timers. All times in ms.
 */
package io.runnel.api.windowing.triggers;
