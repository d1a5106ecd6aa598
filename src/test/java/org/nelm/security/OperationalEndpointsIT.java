package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.support.RawHttp.basic;

import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.RawHttp;
import org.nelm.support.TestEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The actuator behind its own credentials, open health probes, and HSTS behind a TLS-terminating proxy. */
@ApiIntegration
class OperationalEndpointsIT {

    private static final String ACTUATOR = basic(TestEnvironment.ACTUATOR_USER, TestEnvironment.ACTUATOR_PASSWORD);

    @LocalServerPort
    int port;

    @Test
    void everyActuatorEndpointButHealthNeedsTheActuatorCredentials() {
        String apiToken = "Bearer " + Api.as(port, "admin").token();
        for (String path : new String[] {"/actuator", "/actuator/prometheus", "/actuator/info", "/actuator/signingkeys"}) {
            assertThat(RawHttp.get(port, path).statusCode()).as(path).isEqualTo(401);
            assertThat(RawHttp.get(port, path, "Authorization", basic(TestEnvironment.ACTUATOR_USER, "wrong"))
                    .statusCode()).as(path + " wrong password").isEqualTo(401);
            assertThat(RawHttp.get(port, path, "Authorization", basic("admin", "admin")).statusCode())
                    .as(path + " as the Camunda admin").isEqualTo(401);
            assertThat(RawHttp.get(port, path, "Authorization", apiToken).statusCode())
                    .as(path + " with an API token").isEqualTo(401);
        }
        // Spring Boot's test contexts run without metrics exporters: EmbeddedDefaultSmokeIT scrapes Prometheus
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/signingkeys"}) {
            assertThat(RawHttp.get(port, path, "Authorization", ACTUATOR).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(RawHttp.get(port, "/actuator/prometheus").headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void healthAndItsProbesAreOpen() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
            HttpResponse<String> health = RawHttp.get(port, path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void aRequestThatCameOverHttpsThroughAProxyGetsHsts_onTheApiTokenEndpointWebappsAndEngineRest() {
        String token = "Bearer " + Api.as(port, "admin").token();
        String[][] doors = {
                {"/v3/non-employee-sources", "Authorization", token},
                {"/v3/personal-access-tokens", "Authorization", token},
                {"/camunda/app/tasklist/default/"},
                {"/camunda/app/cockpit/default/"},
                {"/engine-rest/process-definition/count", "Authorization", basic("admin", TestEnvironment.ADMIN_PASSWORD)},
                {"/actuator/health"},
        };
        for (String[] door : doors) {
            String path = door[0];
            String[] headers = Arrays.copyOfRange(door, 1, door.length);
            HttpResponse<String> plain = RawHttp.get(port, path, headers);
            HttpResponse<String> viaTls = RawHttp.get(port, path, append(headers, "X-Forwarded-Proto", "https"));

            assertThat(viaTls.statusCode()).as(path).isEqualTo(200);
            assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000").contains("includeSubDomains"));
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
        }
        HttpResponse<String> tokenViaTls = RawHttp.token(port, RawHttp.clientCredentials("admin", "admin-secret"),
                "X-Forwarded-Proto", "https");
        assertThat(tokenViaTls.statusCode()).isEqualTo(200);
        assertThat(tokenViaTls.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static String[] append(String[] headers, String name, String value) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }
}
