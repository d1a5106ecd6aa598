package org.nelm.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * As a node's shutdown begins, its job executor stops acquiring jobs. Without this it keeps locking jobs while
 * the web server drains, and Spring has already closed the executor's thread pool to new work at that point: the
 * jobs would be rejected and stay locked (lock time, 5 minutes by default) for every other node. Jobs already
 * running finish: the pool waits for them in its own lifecycle phase, before the engine closes.
 */
@Component
class JobAcquisitionShutdown {

    private final ProcessEngineConfigurationImpl configuration;

    JobAcquisitionShutdown(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void stopAcquiring(ContextClosedEvent event) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
    }
}
