package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.nelm.support.ParallelClients;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 10-custom-attribute limit and unique technical names under real parallel clients. */
@ApiIntegration
class SchemaAttributeConcurrencyIT {

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
    void parallelCreatorsNeverPassTheTenCustomAttributeLimit() throws Exception {
        String base = "/v3/non-employee-sources/" + fixtures.create("/v3/non-employee-sources").get("id").asText();
        for (int i = 1; i <= 9; i++) {
            assertThat(admin.post(base + "/schema-attributes", attribute("existing" + i)).status()).isEqualTo(200);
        }

        List<ApiResponse> responses = ParallelClients.race(ParallelClients.THREADS,
                i -> admin.post(base + "/schema-attributes", attribute("racer" + i)));

        assertThat(ParallelClients.count(responses, 200)).as(responses.toString()).isEqualTo(1);
        assertThat(ParallelClients.count(responses, "400.1.4 Limit violation")).isEqualTo(ParallelClients.THREADS - 1);
        assertThat(admin.get(base + "/schema-attributes").json()).hasSize(18);
    }

    @Test
    void parallelCreatorsOfOneTechnicalNameCreateItOnce() throws Exception {
        String source = fixtures.create("/non-employee-sources/v1").get("id").asText();
        String path = "/non-employee-sources/v1/" + source + "/schema-attributes";

        List<ApiResponse> responses = ParallelClients.race(ParallelClients.THREADS,
                i -> admin.post(path, attribute(i % 2 == 0 ? "badge" : "BADGE")));

        assertThat(ParallelClients.count(responses, 200)).as(responses.toString()).isEqualTo(1);
        assertThat(ParallelClients.count(responses, "400.1.409 Reference conflict"))
                .isEqualTo(ParallelClients.THREADS - 1);
        assertThat(admin.get(path).json()).hasSize(9);
    }

    private static Map<String, Object> attribute(String technicalName) {
        return Map.of("type", "TEXT", "technicalName", technicalName, "label", "Label of " + technicalName);
    }
}
