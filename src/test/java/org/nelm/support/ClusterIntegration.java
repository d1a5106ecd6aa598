package org.nelm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * One node of a two-node cluster, the other being a {@link ChildNode} on the same database: the whole application
 * on a real port, in a context of its own (own database, short takeover timings, see {@link TakeoverTimings}).
 * Tests with this annotation share that context.
 *
 * <p>PostgreSQL only: the tests' H2 database is in memory, inside this JVM, and no child process can reach it. (The
 * embedded H2 file default is a single-node setup: a second JVM cannot open the file while the first has it.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIf(value = "org.nelm.support.TestDatabase#isPostgres",
        disabledReason = "a second node in a child JVM cannot share the tests' in-memory H2 database")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nelm.rate-limit.requests=100000",
        "server.shutdown=immediate",
        "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false",
        // a second engine named "default" would take over the registry that engine-rest and the webapps use
        "camunda.bpm.generate-unique-process-engine-name=true",
        // the webapps keep their application context in a static field: one webapp per JVM
        "camunda.bpm.webapp.enabled=false"
})
@ContextConfiguration(initializers = {TestEnvironment.class, TakeoverTimings.class})
public @interface ClusterIntegration {
}
