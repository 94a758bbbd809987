package io.runnel.cli.testjobs;

import io.runnel.api.common.JobExecutionException;

/** A job program that catches the failure of its job and returns normally, as a careless main might. */
public final class SwallowingJob {

    private SwallowingJob() {
    }

    public static void main(String[] args) throws Exception {
        try {
            FailingJob.main(args);
        } catch (JobExecutionException e) {
            System.err.println("SwallowingJob ignores: " + e.getMessage());
        }
    }
}
