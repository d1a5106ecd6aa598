package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.RawHttp;
import org.nelm.support.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Its own context with a tiny budget; everything else runs with the limiter practically open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"nelm.rate-limit.requests=3", "nelm.rate-limit.period=1h", "server.shutdown=immediate", "camunda.bpm.metrics.enabled=false", "camunda.bpm.metrics.db-reporter-activate=false",
        // a second engine named "default" would take over the registry that engine-rest and the webapps use
        "camunda.bpm.generate-unique-process-engine-name=true",
        // the webapps keep their application context in a static field: one webapp per JVM
        "camunda.bpm.webapp.enabled=false"})
@ContextConfiguration(initializers = TestEnvironment.class)
class RateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void callerOverItsBudgetGets429WithRetryAfter() {
        Api admin = Api.as(port, "admin");
        for (int i = 0; i < 3; i++) {
            assertThat(admin.get("/v3/personal-access-tokens").status()).isEqualTo(200);
        }

        ApiResponse limited = admin.get("/v3/personal-access-tokens");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("message").asText()).isEqualTo(" Rate Limit Exceeded ");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
    }

    @Test
    void budgetIsPerIdentity_soMoreTokensOrPersonalAccessTokensBuyNoMoreRequests() throws Exception {
        Api first = Api.withToken(port, freshToken("manager1", "manager1-secret"));
        Api second = Api.withToken(port, freshToken("manager1", "manager1-secret"));
        assertThat(first.token()).isNotEqualTo(second.token());
        for (int i = 0; i < 3; i++) {
            assertThat(first.get("/v3/personal-access-tokens").status()).isEqualTo(200);
        }

        ApiResponse secondToken = second.get("/v3/personal-access-tokens");

        assertThat(secondToken.status()).isEqualTo(429);
        assertThat(Long.parseLong(secondToken.header("Retry-After"))).isPositive();
        assertThat(Api.as(port, "requester1").get("/v3/personal-access-tokens").status())
                .as("another identity has its own budget").isEqualTo(200);
    }

    @Test
    void anApplicationClientHasABudgetOfItsOwn() throws Exception {
        Api first = Api.withToken(port, freshToken("nelm-service", "nelm-service-secret"));
        Api second = Api.withToken(port, freshToken("nelm-service", "nelm-service-secret"));
        for (int i = 0; i < 3; i++) {
            assertThat(first.get("/v3/non-employee-sources").status()).isEqualTo(200);
        }

        assertThat(second.get("/v3/non-employee-sources").status()).isEqualTo(429);
    }

    private String freshToken(String clientId, String secret) throws Exception {
        HttpResponse<String> response = RawHttp.token(port, RawHttp.clientCredentials(clientId, secret));
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }
}
