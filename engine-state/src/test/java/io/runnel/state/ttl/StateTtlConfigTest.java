package io.runnel.state.ttl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.state.StateTtlConfig;
import io.runnel.api.state.StateTtlConfig.StateVisibility;
import io.runnel.api.state.StateTtlConfig.UpdateType;
import io.runnel.api.state.ValueStateDescriptor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The TTL configuration ({@link StateTtlConfig}, in engine-core, tested here next to its implementation) and the
 * expiry rule of {@link TtlPolicy}.
 */
class StateTtlConfigTest {

    @Test
    void builderDefaultsToOnCreateAndWriteAndNeverReturnExpired() {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofSeconds(3)).build();
        assertEquals(Duration.ofSeconds(3), config.getTtl());
        assertEquals(3_000L, config.getTtlMillis());
        assertEquals(UpdateType.OnCreateAndWrite, config.getUpdateType());
        assertEquals(StateVisibility.NeverReturnExpired, config.getStateVisibility());
        assertFalse(config.isCleanupInFullSnapshot());
    }

    @Test
    void builderRecordsEverySettingAndConfigsWithEqualSettingsAreEqual() {
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMillis(5))
                .setUpdateType(UpdateType.OnReadAndWrite)
                .setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp)
                .cleanupFullSnapshot()
                .build();
        assertEquals(UpdateType.OnReadAndWrite, config.getUpdateType());
        assertEquals(StateVisibility.ReturnExpiredIfNotCleanedUp, config.getStateVisibility());
        assertTrue(config.isCleanupInFullSnapshot());
        StateTtlConfig same = StateTtlConfig.newBuilder(Duration.ofMillis(5)).setUpdateType(UpdateType.OnReadAndWrite)
                .setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp).cleanupFullSnapshot().build();
        assertEquals(config, same);
        assertEquals(config.hashCode(), same.hashCode());
        assertNotEquals(config, StateTtlConfig.newBuilder(Duration.ofMillis(5)).build());
    }

    @Test
    void ttlShorterThanOneMillisecondIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.newBuilder(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.newBuilder(Duration.ofNanos(999_999)));
        assertThrows(IllegalArgumentException.class, () -> StateTtlConfig.newBuilder(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> StateTtlConfig.newBuilder(null));
        assertEquals(1L, StateTtlConfig.newBuilder(Duration.ofMillis(1)).build().getTtlMillis());
    }

    @Test
    void descriptorWithTtlSurvivesJavaSerialization() throws Exception {
        ValueStateDescriptor<Long> descriptor = new ValueStateDescriptor<>("v", Long.class);
        assertNull(descriptor.getTtlConfig());
        StateTtlConfig config = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).cleanupFullSnapshot().build();
        descriptor.enableTimeToLive(config);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(descriptor);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ValueStateDescriptor<?> copy = (ValueStateDescriptor<?>) in.readObject();
            assertEquals(config, copy.getTtlConfig());
        }
    }

    @Test
    void valueExpiresExactlyAtItsTimestampPlusTtl() {
        long[] now = {0};
        TtlPolicy policy = new TtlPolicy(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build(), () -> now[0]);
        TtlValue<String> value = new TtlValue<>("x", 1_000);
        assertFalse(policy.isExpired(value, 1_099));
        assertTrue(policy.isExpired(value, 1_100));
    }

    @Test
    void hugeTtlNeverExpiresInsteadOfOverflowing() {
        TtlPolicy policy = new TtlPolicy(StateTtlConfig.newBuilder(Duration.ofSeconds(Long.MAX_VALUE)).build(),
                () -> 0L);
        assertEquals(Long.MAX_VALUE, StateTtlConfig.newBuilder(Duration.ofSeconds(Long.MAX_VALUE)).build()
                .getTtlMillis());
        assertFalse(policy.isExpired(new TtlValue<>("x", 1_000), Long.MAX_VALUE - 1));
    }
}
