package io.runnel.examples.hourly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.examples.flights.Flight;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FlightCsvTest {

    @Test
    void parsesALineAsTheFileSourceDoes() {
        assertEquals(new Flight(LocalDateTime.of(2001, 1, 1, 0, 47), 66, 1750, "DTW", "LAS"),
                FlightCsv.parse("2001-01-01 00:47:00,66,1750,DTW,LAS"));
        assertEquals(new Flight(LocalDateTime.of(2001, 1, 1, 0, 47, 0, 500_000_000), -3, 7, "A", "B"),
                FlightCsv.parse("2001-01-01T00:47:00.5, -3 ,7,A,B"));
    }

    @Test
    void recognizesTheHeader() {
        assertTrue(FlightCsv.isHeader("date,delay,distance,origin,destination"));
        assertFalse(FlightCsv.isHeader("2001-01-01 00:47:00,66,1750,DTW,LAS"));
    }

    @Test
    void namesTheReasonOfAMalformedLineAsTheFileSourceDoes() {
        assertReason("expected 5 fields, got 3", "2001-01-01 00:47:00,66,1750");
        assertReason("field 2 (delay): cannot parse \"x\" as int", "2001-01-01 00:47:00,x,1750,DTW,LAS");
        assertReason("field 1 (date): cannot parse \"yesterday\" as LocalDateTime", "yesterday,1,1750,DTW,LAS");
    }

    private static void assertReason(String expected, String line) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> FlightCsv.parse(line))
                .getMessage());
    }
}
