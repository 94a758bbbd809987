package io.runnel.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
