package io.runnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExampleArgsTest {

    private static ExampleArgs parse(String... args) {
        return ExampleArgs.parse("demo", "demo [--in PATH]... [--n N]", args, Set.of("n"), Set.of("in"));
    }

    @Test
    void keepsRepeatableValuesInOrder() {
        ExampleArgs args = parse("--in", "a", "--in=b=c", "--n", "7");
        assertEquals(List.of("a", "b=c"), args.getAll("in"));
        assertEquals(OptionalInt.of(7), args.getInt("n", 0));
        assertEquals(Optional.of("a"), args.get("in"));
    }

    @Test
    void absentOptionsAreEmpty() {
        ExampleArgs args = parse();
        assertEquals(List.of(), args.getAll("in"));
        assertEquals(OptionalInt.empty(), args.getInt("n", 0));
    }

    @Test
    void rejectsNumbersOutOfRangeOrMalformed() {
        assertEquals("demo: --n expects a whole number >= 2, got '1'",
                assertThrows(IllegalArgumentException.class, () -> parse("--n", "1").getInt("n", 2)).getMessage());
        assertEquals("demo: --n expects a whole number >= 0, got '99999999999'",
                assertThrows(IllegalArgumentException.class, () -> parse("--n=99999999999").getInt("n", 0))
                        .getMessage());
        assertEquals("demo: unexpected argument '--' (usage: demo [--in PATH]... [--n N])",
                assertThrows(IllegalArgumentException.class, () -> parse("--")).getMessage());
    }

    @Test
    void aFlagTakesNoValueAndMayNotRepeat() {
        String[] given = {"--bounded", "--n", "3"};
        ExampleArgs args = ExampleArgs.parse("demo", "demo [--bounded]", given, Set.of("n"), Set.of(),
                Set.of("bounded"));
        assertTrue(args.isSet("bounded"));
        assertFalse(args.isSet("in"));
        assertEquals(OptionalInt.of(3), args.getInt("n", 0));
        assertEquals("demo: --bounded takes no value", assertThrows(IllegalArgumentException.class,
                () -> ExampleArgs.parse("demo", "demo [--bounded]", new String[] {"--bounded=no"}, Set.of(),
                        Set.of(), Set.of("bounded"))).getMessage());
        assertEquals("demo: --bounded given more than once", assertThrows(IllegalArgumentException.class,
                () -> ExampleArgs.parse("demo", "demo [--bounded]", new String[] {"--bounded", "--bounded"},
                        Set.of(), Set.of(), Set.of("bounded"))).getMessage());
    }
}
