package io.runnel.api.environment;

import io.runnel.annotation.Public;
import io.runnel.api.common.Configuration;

/**
 * Service-provider interface that creates {@link JobExecutor}s, registered in
 * {@code META-INF/services/io.runnel.api.environment.JobExecutorFactory}. The environment picks the factory whose
 * {@link #name()} equals the {@code execution.target} option ({@code local} by default).
 */
@Public
public interface JobExecutorFactory {

    /** @return the value of {@code execution.target} this factory serves, e.g. {@code "local"} */
    String name();

    /** @return an executor for the given configuration */
    JobExecutor getExecutor(Configuration configuration);
}
