package io.runnel.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The command-line arguments of an example job: {@code --name value} or {@code --name=value} pairs and bare
 * {@code --flag}s, each name from a fixed set. The examples parse by hand rather than with a library so that a job
 * jar needs nothing but the engine, as a user's job would.
 *
 * <p><b>Contract:</b> every malformed input throws {@link IllegalArgumentException} with a one-line message that
 * names the example, the offending argument and the usage, e.g.
 * {@code flight-delays: --min-flights expects a whole number >= 0, got 'abc'}. The CLI turns that into exit
 * code 2. A name may repeat only if it was declared repeatable.
 *
 * <p><b>Threading:</b> immutable after {@link #parse}.
 */
public final class ExampleArgs {

    private final String example;
    private final Map<String, List<String>> values;

    private ExampleArgs(String example, Map<String, List<String>> values) {
        this.example = example;
        this.values = values;
    }

    /**
     * @param example the example's name, used in messages
     * @param usage the usage line shown after an unknown argument, e.g. {@code --input PATH --min-flights N}
     * @param args the raw arguments
     * @param single names (without {@code --}) that may appear at most once
     * @param repeatable names that may appear several times
     * @return the parsed arguments
     * @throws IllegalArgumentException on an unknown name, a missing value or a repeated single name
     */
    public static ExampleArgs parse(String example, String usage, String[] args, Set<String> single,
                                    Set<String> repeatable) {
        return parse(example, usage, args, single, repeatable, Set.of());
    }

    /**
     * As {@link #parse(String, String, String[], Set, Set)}, plus flags: names that take no value, e.g.
     * {@code --bounded}; a flag given is read as {@code "true"} by {@link #get} and {@link #isSet}.
     *
     * @param flags names (without {@code --}) of flags, each at most once; {@code --flag=value} is rejected
     * @return the parsed arguments
     * @throws IllegalArgumentException on an unknown name, a missing value, a value for a flag or a repeated
     *     single name or flag
     */
    public static ExampleArgs parse(String example, String usage, String[] args, Set<String> single,
                                    Set<String> repeatable, Set<String> flags) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException(example + ": unexpected argument '" + arg + "' (usage: "
                        + usage + ")");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!single.contains(name) && !repeatable.contains(name) && !flags.contains(name)) {
                throw new IllegalArgumentException(example + ": unknown option '--" + name + "' (usage: "
                        + usage + ")");
            }
            String value;
            if (flags.contains(name)) {
                if (eq >= 0) {
                    throw new IllegalArgumentException(example + ": --" + name + " takes no value");
                }
                value = "true";
            } else if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(example + ": --" + name + " needs a value");
            }
            List<String> list = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!list.isEmpty() && !repeatable.contains(name)) {
                throw new IllegalArgumentException(example + ": --" + name + " given more than once");
            }
            list.add(value);
        }
        return new ExampleArgs(example, values);
    }

    /** @return the value of {@code --name}, if given */
    public Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /** @return whether {@code --name} was given (for a flag: whether it is set) */
    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    /** @return every value of {@code --name} in the order given; empty if none */
    public List<String> getAll(String name) {
        return Collections.unmodifiableList(values.getOrDefault(name, List.of()));
    }

    /**
     * @return the whole-number value of {@code --name}, if given
     * @throws IllegalArgumentException if it is not a whole number or below {@code min}
     */
    public OptionalInt getInt(String name, int min) {
        Optional<String> raw = get(name);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        int value;
        try {
            value = Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            throw badNumber(name, min, raw.get());
        }
        if (value < min) {
            throw badNumber(name, min, raw.get());
        }
        return OptionalInt.of(value);
    }

    private IllegalArgumentException badNumber(String name, int min, String raw) {
        return new IllegalArgumentException(example + ": --" + name + " expects a whole number >= " + min
                + ", got '" + raw + "'");
    }
}
