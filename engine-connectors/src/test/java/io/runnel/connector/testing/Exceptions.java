package io.runnel.connector.testing;

/** Helpers for exception chains. */
public final class Exceptions {

    private Exceptions() {
    }

    /** @return the last throwable of the cause chain */
    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
