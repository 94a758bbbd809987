package io.runnel.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runnel.api.environment.ExecutionOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void readsTypedValuesAndDefaults() {
        Configuration c = new Configuration()
                .setString("parallelism.default", "4")
                .setString("execution.buffer-timeout", "2 s");
        assertEquals(4, c.get(ExecutionOptions.PARALLELISM));
        assertEquals(Duration.ofSeconds(2), c.get(ExecutionOptions.BUFFER_TIMEOUT));
        assertEquals(128, c.get(ExecutionOptions.MAX_PARALLELISM));
        ConfigOption<Long> size = ConfigOption.of("x.size", Long.class, 0L, "");
        assertEquals(32L * 1024, new Configuration().setString("x.size", "32kb").get(size));
    }

    @Test
    void badValueNamesTheKey() {
        Configuration c = new Configuration().setString("parallelism.default", "four");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.get(ExecutionOptions.PARALLELISM));
        assertTrue(e.getMessage().contains("parallelism.default") && e.getMessage().contains("four"),
                e.getMessage());
    }
}
