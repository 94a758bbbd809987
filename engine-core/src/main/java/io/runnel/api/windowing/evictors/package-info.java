/**
 * Evictors: they remove elements from a window's contents just before or just after the window function sees them
 * (keep the last n elements, or the last stretch of event time). All times in ms.
 */
package io.runnel.api.windowing.evictors;
