package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.source.SourceFixtures.body;
import static org.nelm.source.SourceFixtures.unique;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ParallelClients;
import org.nelm.support.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The organization's 50-source limit and unique names under real parallel clients. Runs in a context of its own
 * (own database, the real limit of 50), because the shared test context lifts the limit for the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nelm.rate-limit.requests=100000", "server.shutdown=immediate",
        "camunda.bpm.metrics.enabled=false", "camunda.bpm.metrics.db-reporter-activate=false",
        // a second engine named "default" would take over the registry that engine-rest and the webapps use
        "camunda.bpm.generate-unique-process-engine-name=true",
        // the webapps keep their application context in a static field: one webapp per JVM
        "camunda.bpm.webapp.enabled=false"})
@ContextConfiguration(initializers = TestEnvironment.class)
class SourceLimitIT {

    private static final String FAMILY = "/v3/non-employee-sources";

    @LocalServerPort
    int port;

    SourceFixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        fixtures = new SourceFixtures(port);
        admin = fixtures.admin();
    }

    @AfterEach
    void deleteCreatedSources() {
        fixtures.deleteCreated();
    }

    @Test
    void parallelCreatorsNeverPassTheFiftySourceLimit() throws Exception {
        long existing = Long.parseLong(admin.get(FAMILY + "?count=true&limit=1").header("X-Total-Count"));
        for (long i = existing; i < SourceService.MAX_SOURCES - 1; i++) {
            fixtures.create(FAMILY);
        }

        List<ApiResponse> responses = ParallelClients.race(ParallelClients.THREADS,
                i -> admin.post(i % 2 == 0 ? FAMILY : "/non-employee-sources/v1", body(unique("Race"))));
        responses.stream().filter(r -> r.status() == 200).forEach(r -> fixtures.remember(r.json().get("id").asText()));

        assertThat(ParallelClients.count(responses, 200)).as(responses.toString()).isEqualTo(1);
        assertThat(ParallelClients.count(responses, "400.1.4 Limit violation")).isEqualTo(ParallelClients.THREADS - 1);
        assertThat(admin.get(FAMILY + "?count=true&limit=1").header("X-Total-Count")).isEqualTo("50");
        ApiResponse fiftyFirst = admin.post(FAMILY, body(unique("One too many")));
        assertThat(fiftyFirst.status()).isEqualTo(400);
        assertThat(fiftyFirst.detailCode()).isEqualTo("400.1.4 Limit violation");
    }

    @Test
    void parallelCreatorsOfOneNameCreateItOnce() throws Exception {
        String name = unique("Same name");

        List<ApiResponse> responses = ParallelClients.race(ParallelClients.THREADS,
                i -> admin.post(FAMILY, body(i % 2 == 0 ? name : name.toUpperCase())));
        responses.stream().filter(r -> r.status() == 200).forEach(r -> fixtures.remember(r.json().get("id").asText()));

        assertThat(ParallelClients.count(responses, 200)).as(responses.toString()).isEqualTo(1);
        assertThat(ParallelClients.count(responses, "400.1.409 Reference conflict"))
                .isEqualTo(ParallelClients.THREADS - 1);
    }
}
