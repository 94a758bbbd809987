/**
 * The windows of the windowing API: {@link io.runnel.api.windowing.windows.TimeWindow} for time-based windows and
 * {@link io.runnel.api.windowing.windows.GlobalWindow} for the one window that holds everything. All times in ms.
 */
package io.runnel.api.windowing.windows;
