package io.runnel.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.common.Configuration;
import io.runnel.api.environment.RestartStrategies;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each restart strategy allows exactly the restarts its configuration says, after the configured delays. */
class RestartStrategyTest {

    private static RestartStrategy of(RestartStrategies.Configuration strategy) {
        Configuration conf = new Configuration();
        strategy.keys().forEach(conf::setString);
        return RestartStrategy.fromConfiguration(conf);
    }

    @Test
    void defaultIsNoneWithoutCheckpointsAndThreeFixedRestartsWithThem() {
        assertFalse(RestartStrategy.fromConfiguration(new Configuration()).onFailure(0));
        Configuration conf = new Configuration().setString("execution.checkpointing.interval", "1s");
        RestartStrategy s = RestartStrategy.fromConfiguration(conf);
        assertTrue(s.onFailure(0) && s.onFailure(1) && s.onFailure(2));
        assertFalse(s.onFailure(3));
        assertEquals(1_000, s.restartDelayMillis());
    }

    @Test
    void fixedDelayCountsAttempts() {
        RestartStrategy s = of(RestartStrategies.fixedDelay(2, Duration.ofMillis(5)));
        assertTrue(s.onFailure(0));
        assertEquals(5, s.restartDelayMillis());
        assertTrue(s.onFailure(10));
        assertFalse(s.onFailure(20));
    }

    @Test
    void exponentialDelayGrowsToTheMaximumAndResetsAfterAQuietPeriod() {
        RestartStrategy s = of(RestartStrategies.exponentialDelay(Duration.ofMillis(10), Duration.ofMillis(50), 2.0,
                Duration.ofMillis(1_000)));
        long[] expected = {10, 20, 40, 50, 50};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(s.onFailure(i * 10L));
            assertEquals(expected[i], s.restartDelayMillis(), "restart " + i);
        }
        assertTrue(s.onFailure(5_000));
        assertEquals(10, s.restartDelayMillis(), "reset after 1 s without failures");
    }

    @Test
    void failureRateAllowsAtMostNFailuresPerInterval() {
        RestartStrategy s = of(RestartStrategies.failureRate(2, Duration.ofMillis(100), Duration.ZERO));
        assertTrue(s.onFailure(0));
        assertTrue(s.onFailure(50));
        assertFalse(s.onFailure(90), "third failure within 100 ms");
        RestartStrategy t = of(RestartStrategies.failureRate(2, Duration.ofMillis(100), Duration.ZERO));
        assertTrue(t.onFailure(0));
        assertTrue(t.onFailure(50));
        assertTrue(t.onFailure(160), "the first two are older than 100 ms");
    }

    @Test
    void anUnknownTypeNamesTheKey() {
        Configuration conf = new Configuration().setString("restart-strategy.type", "sometimes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RestartStrategy.fromConfiguration(conf));
        assertTrue(e.getMessage().contains("restart-strategy.type") && e.getMessage().contains("sometimes"));
    }
}
