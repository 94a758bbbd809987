package io.runnel.cli.testjobs;

/** A class without a main method. */
public final class NoMain {

    private NoMain() {
    }

    /** Not a main method: wrong parameter type. */
    public static void main(int ignored) {
        // Present only so that the name 'main' exists with the wrong signature.
    }
}
