/**
 * The event-time editions of the flight examples: hourly delay statistics per airport in tumbling windows
 * ({@link io.runnel.examples.hourly.FlightDelaysHourly}) and flight sessions per route
 * ({@link io.runnel.examples.hourly.RouteSessions}).
 */
package io.runnel.examples.hourly;
