package org.nelm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application without a web server, on a real engine and database, driven step by step: jobs run only when
 * a test executes them. Tests with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "camunda.bpm.job-execution.enabled=false",
        // as in ApiIntegration: no metrics flush at close, when embedded PostgreSQL may be gone
        "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false",
        // the mail poller may still ask for a connection after embedded PostgreSQL stopped: do not wait 30 s
        "spring.datasource.hikari.connection-timeout=2000"
})
@ContextConfiguration(initializers = TestEnvironment.class)
public @interface EngineStepByStep {
}
