package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.nelm.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiIntegration
class AuthenticationIT {

    @LocalServerPort
    int port;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void clientCredentialsAsFormFieldsGiveABearerJwt() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=admin&client_secret=admin-secret", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
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

    @Test
    void accessTokensLiveFifteenMinutesAndNameTheActiveSigningKey() throws Exception {
        HttpResponse<String> response = tokenRequest("grant_type=client_credentials&client_id=manager1&client_secret=manager1-secret", null);

        JsonNode body = JSON.readTree(response.body());
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime())
                .isEqualTo(900_000);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(signingKeys.active().kid());
    }

    @Test
    void clientCredentialsInTheQueryStringAreRefused() throws Exception {
        HttpResponse<String> secretInUrl = RawHttp.post(port,
                "/oauth/token?grant_type=client_credentials&client_id=admin&client_secret=admin-secret", null, "");
        HttpResponse<String> idInUrl = RawHttp.post(port, "/oauth/token?client_id=admin",
                "application/x-www-form-urlencoded", "grant_type=client_credentials&client_secret=admin-secret");
        HttpResponse<String> onlyTheGrantInUrl = RawHttp.post(port, "/oauth/token?grant_type=client_credentials",
                "application/x-www-form-urlencoded", "client_id=admin&client_secret=admin-secret");

        assertThat(secretInUrl.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(secretInUrl.body()).get("error").asText()).isEqualTo("invalid_request");
        assertThat(secretInUrl.body()).contains("not in the URL").doesNotContain("access_token");
        assertThat(idInUrl.statusCode()).isEqualTo(400);
        assertThat(onlyTheGrantInUrl.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownClientAndAWrongSecretGetTheSameAnswer() {
        HttpResponse<String> unknown = RawHttp.token(port, RawHttp.clientCredentials("no-such-client", "x"));
        HttpResponse<String> wrongSecret = RawHttp.token(port, RawHttp.clientCredentials("requester1", "x"));

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrongSecret.body());
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void personalAccessTokenGetsOnlyScopesTheCreatingTokenHas() {
        Api readOnly = pat(Api.as(port, "approver1"), Map.of("name", "reader", "scope", List.of("idn:nelm:read")));

        ApiResponse widened = readOnly.post("/v3/personal-access-tokens",
                Map.of("name", "wider", "scope", List.of("idn:nelm:manage")));
        ApiResponse everything = readOnly.post("/v3/personal-access-tokens",
                Map.of("name", "everything", "scope", List.of("sp:scopes:all")));
        ApiResponse same = readOnly.post("/v3/personal-access-tokens",
                Map.of("name", "same", "scope", List.of("idn:nelm:read")));
        ApiResponse omitted = readOnly.post("/v3/personal-access-tokens", Map.of("name", "omitted"));
        ApiResponse byAFullToken = Api.as(port, "approver1").post("/v3/personal-access-tokens", Map.of("name", "full"));

        assertThat(widened.status()).isEqualTo(403);
        assertThat(widened.detailCode()).isEqualTo("403 Forbidden");
        assertThat(widened.messageText()).contains("idn:nelm:manage");
        assertThat(everything.status()).isEqualTo(403);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("scope").toString()).isEqualTo("[\"idn:nelm:read\"]");
        assertThat(omitted.status()).isEqualTo(200);
        assertThat(omitted.json().get("scope").toString()).isEqualTo("[\"idn:nelm:read\"]");
        assertThat(byAFullToken.json().get("scope").toString()).isEqualTo("[\"sp:scopes:all\"]");
    }

    @Test
    void personalAccessTokenNameLongerThan255CharactersIsAClear400() {
        Api approver = Api.as(port, "approver1");

        ApiResponse tooLong = approver.post("/v3/personal-access-tokens", Map.of("name", "n".repeat(256)));
        ApiResponse longest = approver.post("/v3/personal-access-tokens", Map.of("name", "n".repeat(255)));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(tooLong.messageText()).contains("name must be at most 255 characters").doesNotContainIgnoringCase("sql");
        assertThat(longest.status()).isEqualTo(200);
        assertThat(longest.json().get("name").asText()).hasSize(255);
    }

    @Test
    void aNullScopeIsA400() {
        ApiResponse response = Api.as(port, "approver1").post("/v3/personal-access-tokens",
                "{\"name\":\"nulls\",\"scope\":[null]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).contains("scope must not contain null");
    }

    @Test
    void aPersonalAccessTokensAccessTokensLiveAtMostTheTokenValidity() throws Exception {
        Api approver = Api.as(port, "approver1");

        ApiResponse asksForTwelveHours = approver.post("/v3/personal-access-tokens",
                Map.of("name", "long", "accessTokenValiditySeconds", 43200));
        ApiResponse asksForNothing = approver.post("/v3/personal-access-tokens", Map.of("name", "default"));
        ApiResponse belowTheRange = approver.post("/v3/personal-access-tokens",
                Map.of("name", "short", "accessTokenValiditySeconds", 899));

        assertThat(asksForTwelveHours.json().get("accessTokenValiditySeconds").asInt()).isEqualTo(900);
        assertThat(asksForNothing.json().get("accessTokenValiditySeconds").asInt()).isEqualTo(900);
        assertThat(belowTheRange.status()).isEqualTo(400);
        assertThat(belowTheRange.messageText()).contains("between 900 and 43200");
        HttpResponse<String> token = RawHttp.token(port, RawHttp.clientCredentials(
                asksForTwelveHours.json().get("id").asText(), asksForTwelveHours.json().get("secret").asText()));
        assertThat(JSON.readTree(token.body()).get("expires_in").asLong()).isEqualTo(900);
    }

    @Test
    void aPersonalAccessTokenExpires_byDefault180DaysAfterItsCreation() {
        ApiResponse created = Api.as(port, "approver1").post("/v3/personal-access-tokens", Map.of("name", "expiring"));
        String id = created.json().get("id").asText();
        String secret = created.json().get("secret").asText();

        assertThat(OffsetDateTime.parse(created.json().get("expirationDate").asText()))
                .isEqualTo(OffsetDateTime.parse(created.json().get("created").asText()).plusDays(180));
        assertThat(RawHttp.token(port, RawHttp.clientCredentials(id, secret)).statusCode()).isEqualTo(200);

        jdbc.sql("update nelm_api_client set expiration_date = :past where client_id = :id")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).param("id", id).update();

        HttpResponse<String> afterExpiry = RawHttp.token(port, RawHttp.clientCredentials(id, secret));
        assertThat(afterExpiry.statusCode()).isEqualTo(401);
        assertThat(afterExpiry.body()).contains("invalid_client");
    }

    @Test
    void aDeletedPersonalAccessTokenGetsNoNewTokenAtOnce() {
        Api approver = Api.as(port, "approver1");
        ApiResponse created = approver.post("/v3/personal-access-tokens", Map.of("name", "to delete"));
        String credentials = RawHttp.clientCredentials(created.json().get("id").asText(),
                created.json().get("secret").asText());
        assertThat(RawHttp.token(port, credentials).statusCode()).isEqualTo(200);

        assertThat(approver.delete("/v3/personal-access-tokens/" + created.json().get("id").asText()).status())
                .isEqualTo(204);

        assertThat(RawHttp.token(port, credentials).statusCode()).isEqualTo(401);
    }

    private Api pat(Api owner, Map<String, Object> body) {
        ApiResponse created = owner.post("/v3/personal-access-tokens", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return Api.as(port, created.json().get("id").asText(), created.json().get("secret").asText());
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
