package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiIntegration
@ExtendWith(OutputCaptureExtension.class)
class PlatformErrorsIT {

    @LocalServerPort
    int port;

    @Test
    void unexpectedFailureIsAnInternalFaultWhoseTrackingIdIsInTheLog(CapturedOutput output) {
        ApiResponse response = Api.as(port, "admin").get("/v3/nelm-test-faults/boom");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.detailCode()).isEqualTo("500.0 Internal Fault");
        assertThat(response.messageText()).contains("An internal fault occurred.");
        assertThat(response.text()).doesNotContain("secret detail").doesNotContain("Exception");
        String trackingId = response.json().get("trackingId").asText();
        assertThat(trackingId).matches("[0-9a-f]{32}");
        assertThat(output.getAll()).contains("trackingId=" + trackingId);
    }

    @Test
    void unsupportedMethodIs405WithAllowHeader() {
        ApiResponse response = Api.as(port, "admin").send("PUT", "/v3/personal-access-tokens", "application/json", "{}", null);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.detailCode()).isEqualTo("405 Method Not Allowed");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void unsupportedContentTypeIs415() {
        ApiResponse response = Api.as(port, "admin").send("POST", "/v3/nelm-test-faults/echo", "text/plain", "hello", null);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.detailCode()).isEqualTo("415 Unsupported Media Type");
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        ApiResponse response = Api.as(port, "admin").send("POST", "/v3/nelm-test-faults/echo", "application/json", "{\"a\": ", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).startsWith("The request body is not valid JSON (line 1, column");
    }

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        ApiResponse response = Api.as(port, "approver1").post("/v3/personal-access-tokens", Map.of("name", "x", "accessTokenValiditySeconds", "abc"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.messageText()).isEqualTo("field accessTokenValiditySeconds must be a whole number\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3", "/v2024", "/v2025", "/v2026"})
    void everyVersionedFamilyServesTheSameOperation(String prefix) {
        ApiResponse response = Api.as(port, "admin").post(prefix + "/nelm-test-faults/echo", Map.of("family", prefix));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("family").asText()).isEqualTo(prefix);
    }

    @Test
    void perApiFamilyInsertsV1AfterTheFirstSegment() {
        ApiResponse response = Api.as(port, "admin").post("/nelm-test-faults/v1/echo", Map.of("family", "v1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("family").asText()).isEqualTo("v1");
    }

    @Test
    void unknownPathInPerApiShapeIs404() {
        ApiResponse response = Api.as(port, "admin").get("/non-employee-nothing/v1/abc");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detailCode()).isEqualTo("404 Not found");
    }

    @Test
    void tokenWithoutNelmScopeIsForbiddenAndReadScopeIsEnough() {
        Api approver = Api.as(port, "approver1");
        Api defaultOnly = patWithScope(approver, "sp:scopes:default");
        Api readOnly = patWithScope(approver, "idn:nelm:read");

        ApiResponse refused = defaultOnly.get("/v3/nelm-test-faults/read");
        ApiResponse allowed = readOnly.get("/v3/nelm-test-faults/read");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.detailCode()).isEqualTo("403 Forbidden");
        assertThat(refused.messageText()).contains("idn:nelm:read");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("canManage").asBoolean()).isFalse();
    }

    private Api patWithScope(Api owner, String scope) {
        ApiResponse pat = owner.post("/v3/personal-access-tokens", Map.of("name", "scope " + scope, "scope", java.util.List.of(scope)));
        assertThat(pat.status()).isEqualTo(200);
        return Api.as(port, pat.json().get("id").asText(), pat.json().get("secret").asText());
    }
}
