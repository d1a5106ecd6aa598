package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.RawHttp;
import org.nelm.support.TestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * {@code /oauth/token} under guessing: 60 failed authentications in a row per client id, or per source address
 * (X-Forwarded-For from the loopback proxy stands for distinct clients), meet a 429 with Retry-After. Its own
 * context: the default budget of 60 is what is tested, and a used-up budget must not touch the other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.shutdown=immediate", "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false",
        // a second engine named "default" would take over the registry that engine-rest and the webapps use
        "camunda.bpm.generate-unique-process-engine-name=true",
        // the webapps keep their application context in a static field: one webapp per JVM
        "camunda.bpm.webapp.enabled=false"})
@ContextConfiguration(initializers = TestEnvironment.class)
class TokenEndpointThrottlingIT {

    private static final int MAX_FAILURES = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Test
    void sixtyWrongSecretsInARowForOneClientMeetA429_fromAnyAddress_evenWithTheRightSecret() throws Exception {
        Map<String, String> pat = personalAccessToken();
        String clientId = pat.get("id");
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(token(clientId, "wrong-" + i, address(i)).statusCode()).as("attempt " + (i + 1)).isEqualTo(401);
        }

        HttpResponse<String> wrong = token(clientId, "wrong-again", "198.51.100.1");
        HttpResponse<String> right = token(clientId, pat.get("secret"), "198.51.100.2");

        assertThat(wrong.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(wrong.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(JSON.readTree(wrong.body()).get("error_description").asText()).contains("retry after");
        assertThat(right.statusCode()).as("no guess is checked while the budget is used up").isEqualTo(429);
        assertThat(token("requester1", "requester1-secret", "198.51.100.3").statusCode())
                .as("other clients are not affected").isEqualTo(200);
    }

    @Test
    void aCorrectSecretRestoresTheClientsBudget() {
        Map<String, String> pat = personalAccessToken();
        String clientId = pat.get("id");
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertThat(token(clientId, "wrong-" + i, address(100 + i)).statusCode()).isEqualTo(401);
        }
        assertThat(token(clientId, pat.get("secret"), "198.51.100.10").statusCode()).isEqualTo(200);

        // without the reset, the second of these would be failure 61
        assertThat(token(clientId, "wrong", "198.51.100.11").statusCode()).isEqualTo(401);
        assertThat(token(clientId, "wrong", "198.51.100.12").statusCode()).isEqualTo(401);
    }

    @Test
    void sixtyFailuresFromOneAddressMeetA429_whateverClientIdsItTries() {
        String address = "203.0.113.77";
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(token("guess-" + UUID.randomUUID(), "x", address).statusCode()).as("attempt " + (i + 1))
                    .isEqualTo(401);
        }

        HttpResponse<String> fromThere = token("requester1", "requester1-secret", address);
        HttpResponse<String> fromElsewhere = token("requester1", "requester1-secret", "203.0.113.78");

        assertThat(fromThere.statusCode()).isEqualTo(429);
        assertThat(fromThere.headers().firstValue("Retry-After")).isPresent();
        assertThat(fromElsewhere.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownClientIdCostsTheSameBcryptComparisonAsAWrongSecret() {
        ArgumentCaptor<String> hashes = ArgumentCaptor.forClass(String.class);

        clearInvocations(passwordEncoder);
        assertThat(token("manager1", "not-the-secret", "192.0.2.1").statusCode()).isEqualTo(401);
        verify(passwordEncoder).matches(eq("not-the-secret"), hashes.capture());
        clearInvocations(passwordEncoder);
        assertThat(token("no-such-client-" + UUID.randomUUID(), "not-the-secret", "192.0.2.2").statusCode())
                .isEqualTo(401);
        verify(passwordEncoder).matches(eq("not-the-secret"), hashes.capture());

        String knownClientsHash = hashes.getAllValues().get(0);
        String dummyHash = hashes.getAllValues().get(1);
        assertThat(dummyHash).isNotEqualTo(knownClientsHash);
        // same BCrypt version and cost factor, so the same work: "$2a$10$"
        assertThat(dummyHash.substring(0, 7)).isEqualTo(knownClientsHash.substring(0, 7));
    }

    private Map<String, String> personalAccessToken() {
        ApiResponse created = Api.as(port, "approver1").post("/v3/personal-access-tokens",
                Map.of("name", "throttled " + UUID.randomUUID()));
        assertThat(created.status()).isEqualTo(200);
        return Map.of("id", created.json().get("id").asText(), "secret", created.json().get("secret").asText());
    }

    private HttpResponse<String> token(String clientId, String secret, String address) {
        return RawHttp.token(port, RawHttp.clientCredentials(clientId, secret), "X-Forwarded-For", address);
    }

    /** A distinct address per attempt (benchmarking range 198.18/15), so that only the client id's budget counts. */
    private static String address(int i) {
        return "198.18." + (i / 250) + "." + (i % 250 + 1);
    }
}
