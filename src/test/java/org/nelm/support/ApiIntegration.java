package org.nelm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on a real port, a real database (PostgreSQL or H2, see {@link TestDatabase}) and real
 * SMTP. Keep the property set identical across tests so Spring reuses one context (one engine) per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestEnvironment.class)
@TestPropertySource(properties = {
        "nelm.rate-limit.requests=100000",
        // all ITs share one database; the 50-source limit itself is tested in its own context (SourceLimitIT)
        "nelm.limits.max-sources=100000",
        // small batches, so that test files of a few thousand rows run as several batches (crash and resume)
        "nelm.bulk.batch-size=1000",
        "server.shutdown=immediate",
        // the engine flushes metrics to the database on close, after embedded PostgreSQL may be gone
        "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false"
})
public @interface ApiIntegration {
}
