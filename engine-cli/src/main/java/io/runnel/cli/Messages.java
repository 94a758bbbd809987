package io.runnel.cli;

/**
 * Formats throwables for the one-line error messages of the CLI.
 *
 * <p><b>Threading:</b> stateless.
 */
public final class Messages {

    private Messages() {
    }

    /** @return the innermost cause of {@code t} (guarding against cause cycles) */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 100; depth++) {
            root = root.getCause();
        }
        return root;
    }

    /** @return {@code t.toString()} on one line, e.g. {@code java.lang.ArithmeticException: / by zero} */
    public static String oneLine(Throwable t) {
        return oneLine(t.toString());
    }

    /** @return {@code text} with every line break and run of white space turned into a single space */
    public static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** @return the hint that ends a failure message: where the stack trace was logged */
    public static String seeLog() {
        return LogSetup.logFile().map(f -> "(see log for the stack trace: " + f + ")")
                .orElse("(see log for the stack trace)");
    }
}
