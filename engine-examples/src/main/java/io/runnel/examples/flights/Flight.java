package io.runnel.examples.flights;

import java.time.LocalDateTime;

/**
 * One U.S. domestic flight, a row of the flight files described in {@code shared/data/README.md}. The components
 * are in the files' column order because {@code CsvSource.forRecord} maps columns by position.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param date scheduled departure, local time of the origin airport
 * @param delay departure delay in minutes; negative means early
 * @param distance route distance in miles
 * @param origin IATA code of the departure airport
 * @param destination IATA code of the arrival airport
 */
public record Flight(LocalDateTime date, int delay, int distance, String origin, String destination) {
}
