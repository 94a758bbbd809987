package io.runnel.cli.testjobs;

/** A main class whose static initializer throws, so that invoking main fails before main runs. */
public final class BrokenInitJob {

    private static final String CONFIG = loadConfig();

    private BrokenInitJob() {
    }

    public static void main(String[] args) {
        System.out.println(CONFIG);
    }

    private static String loadConfig() {
        throw new IllegalStateException("no configuration for BrokenInitJob");
    }
}
