package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiIntegration
class AuthenticationIT {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys signingKeys;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientCredentialsAsFormFieldsGiveABearerJwt() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=admin&client_secret=admin-secret", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asLong()).isPositive();
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("identity_id")).isEqualTo("admin");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).contains("sp:scopes:all");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("authorities")).contains("ORG_ADMIN");
    }

    @Test
    void clientCredentialsWithHttpBasicAreAccepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString("approver1:approver1-secret".getBytes());
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials", "Basic " + basic);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"identity_id\":\"approver1\"");
    }

    @Test
    void wrongSecretIsInvalidClient() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=admin&client_secret=nope", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("invalid_client");
    }

    @Test
    void otherGrantTypesAreRefused() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=password&username=admin&password=admin", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("unsupported_grant_type");
    }

    @Test
    void missingTokenGivesTheContracts401Body() {
        ApiResponse response = Api.anonymous(port).get("/v3/non-employee-sources");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).startsWith("JWT validation failed");
        assertThat(response.json().size()).isEqualTo(1);
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        String token = sign(signingKeys.active().keyPair(), signingKeys.active().kid(),
                new Date(System.currentTimeMillis() - 120_000), List.of("sp:scopes:all"));

        ApiResponse response = Api.withToken(port, token).get("/v3/personal-access-tokens");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).isEqualTo("JWT validation failed: JWT is expired");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = sign(generator.generateKeyPair(), signingKeys.active().kid(),
                new Date(System.currentTimeMillis() + 600_000), List.of("sp:scopes:all"));

        ApiResponse response = Api.withToken(port, token).get("/v3/personal-access-tokens");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asText()).startsWith("JWT validation failed");
    }

    @Test
    void garbageTokenIsRejected() {
        ApiResponse response = Api.withToken(port, "not-a-jwt").get("/v3/personal-access-tokens");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().has("error")).isTrue();
    }

    @Test
    void validTokenOnUnknownPathGivesTheContracts404Body() {
        ApiResponse response = Api.as(port, "admin").get("/v3/no-such-thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.detailCode()).isEqualTo("404 Not found");
        assertThat(response.json().get("trackingId").asText()).matches("[0-9a-f]{32}");
        assertThat(response.messageText()).contains("did not find a current representation");
    }

    @Test
    void personalAccessTokenLifecycle() {
        Api approver = Api.as(port, "approver1");

        ApiResponse created = approver.post("/v3/personal-access-tokens",
                Map.of("name", "my script", "scope", List.of("idn:nelm:read")));
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("id").asText();
        String secret = created.json().get("secret").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.json().get("owner").get("id").asText()).isEqualTo("approver1");

        ApiResponse listed = approver.get("/v3/personal-access-tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValuesAsText("id")).contains(id);
        assertThat(listed.text()).doesNotContain(secret);

        Api viaPat = Api.as(port, id, secret);
        ApiResponse ownList = viaPat.get("/v2026/personal-access-tokens");
        assertThat(ownList.status()).isEqualTo(200);

        assertThat(Api.as(port, "requester1").delete("/v3/personal-access-tokens/" + id).status()).isEqualTo(403);
        assertThat(approver.delete("/v3/personal-access-tokens/" + id).status()).isEqualTo(204);
        assertThat(approver.delete("/v3/personal-access-tokens/" + id).status()).isEqualTo(404);
    }

    @Test
    void personalAccessTokenNeedsAName() {
        ApiResponse response = Api.as(port, "approver1").post("/v3/personal-access-tokens", Map.of("scope", List.of("sp:scopes:all")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).contains("name is required");
    }

    @Test
    void applicationClientWithoutIdentityCannotUseUserOnlyOperations() {
        ApiResponse response = Api.as(port, "nelm-service").post("/v3/personal-access-tokens", Map.of("name", "x"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.detailCode()).isEqualTo("403 Forbidden");
    }

    private HttpResponse<String> tokenRequest(String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(java.security.KeyPair keys, String kid, Date expiry, List<String> scopes) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("nelm").subject("admin").jwtID("test-" + System.nanoTime())
                .issueTime(new Date(expiry.getTime() - 3_600_000)).expirationTime(expiry)
                .claim("client_id", "admin").claim("identity_id", "admin")
                .claim("scope", scopes).claim("authorities", List.of("ORG_ADMIN"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
