package io.runnel.cli.testjobs;

/** A main class that runs no Runnel job. */
public final class NotAJob {

    private NotAJob() {
    }

    public static void main(String[] args) {
        // Deliberately does nothing: the CLI must notice that no job was executed.
    }
}
