package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelm.NelmApplication;
import org.nelm.support.MutableClock;
import org.nelm.support.RawHttp;
import org.nelm.support.TestEnvironment;
import org.nelm.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Signing keys rotate: by age, or when an operator asks ({@code POST /actuator/signingkeys}). Tokens of the previous
 * key keep verifying until every token it signed has expired, then they stop. Private keys are stored encrypted.
 * Its own context, with a clock the test moves and a signing secret.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "nelm.security.signing.secret=" + SigningKeyRotationIT.SECRET,
        "server.shutdown=immediate", "camunda.bpm.metrics.enabled=false",
        "camunda.bpm.metrics.db-reporter-activate=false",
        // a second engine named "default" would take over the registry that engine-rest and the webapps use
        "camunda.bpm.generate-unique-process-engine-name=true",
        // the webapps keep their application context in a static field: one webapp per JVM
        "camunda.bpm.webapp.enabled=false"})
@ContextConfiguration(initializers = {TestEnvironment.class, MutableClock.Initializer.class})
class SigningKeyRotationIT {

    static final String SECRET = "rotation-test-signing-secret";
    private static final String ACTUATOR = RawHttp.basic(TestEnvironment.ACTUATOR_USER, TestEnvironment.ACTUATOR_PASSWORD);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void anOperatorsRotationKeepsThePreviousKeysTokensValid_andSignsNewTokensWithTheNewKey() throws Exception {
        String before = freshToken();

        HttpResponse<String> rotated = RawHttp.post(port, "/actuator/signingkeys", null, "", "Authorization", ACTUATOR);

        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode keys = JSON.readTree(rotated.body());
        assertThat(key(keys, kid(before)).get("active").asBoolean()).isFalse();
        assertThat(key(keys, kid(before)).get("retired").isNull()).isFalse();
        String after = freshToken();
        assertThat(kid(after)).isNotEqualTo(kid(before));
        assertThat(key(keys, kid(after)).get("active").asBoolean()).isTrue();
        assertThat(status(before)).as("token of the previous key").isEqualTo(200);
        assertThat(status(after)).isEqualTo(200);
        assertThat(RawHttp.post(port, "/actuator/signingkeys", null, "").statusCode()).as("without credentials")
                .isEqualTo(401);
    }

    @Test
    void aRetiredKeyStopsVerifyingOnceEveryTokenItCanHaveSignedHasExpired() throws Exception {
        SigningKeys.ActiveKey old = signingKeys.active();
        // a token that claims to live a day: only the key's retention can refuse it
        String longLived = AuthenticationIT.sign(old.keyPair(), old.kid(),
                Date.from(clock.instant().plus(Duration.ofDays(1))), List.of("sp:scopes:all"));
        assertThat(RawHttp.post(port, "/actuator/signingkeys", null, "", "Authorization", ACTUATOR).statusCode())
                .isEqualTo(200);
        assertThat(status(longLived)).as("retired, within its retention").isEqualTo(200);

        ((MutableClock) clock).advance(signingKeys.retention().plusSeconds(1));

        HttpResponse<String> refused = RawHttp.get(port, "/v3/personal-access-tokens", "Authorization", "Bearer " + longLived);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).startsWith("JWT validation failed");
        assertThat(status(freshToken())).isEqualTo(200);
        RawHttp.post(port, "/actuator/signingkeys", null, "", "Authorization", ACTUATOR);
        assertThat(jdbc.sql("select count(*) from nelm_signing_key where id = :id").param("id", old.kid())
                .query(Long.class).single()).as("a key past its retention is deleted at the next rotation").isZero();
    }

    @Test
    void theActiveKeyIsReplacedOnceItIsOlderThanRotateAfter() throws Exception {
        String before = freshToken();

        ((MutableClock) clock).advance(Duration.ofDays(30));

        String after = freshToken();
        assertThat(kid(after)).isNotEqualTo(kid(before));
        JsonNode keys = JSON.readTree(RawHttp.get(port, "/actuator/signingkeys", "Authorization", ACTUATOR).body());
        assertThat(key(keys, kid(after)).get("active").asBoolean()).isTrue();
        assertThat(key(keys, kid(before)).get("active").asBoolean()).isFalse();
    }

    @Test
    void privateKeysAreStoredEncrypted_andErasedWhenTheyRetire() throws Exception {
        RawHttp.post(port, "/actuator/signingkeys", null, "", "Authorization", ACTUATOR);

        List<String> active = jdbc.sql("select private_pem from nelm_signing_key where active = true")
                .query(String.class).list();
        List<String> retired = jdbc.sql("select private_pem from nelm_signing_key where active = false")
                .query(String.class).list();

        assertThat(active).singleElement().satisfies(key -> assertThat(key).startsWith("aes-gcm:v1:"));
        assertThat(retired).isNotEmpty().containsOnlyNulls();
        JsonNode keys = JSON.readTree(RawHttp.get(port, "/actuator/signingkeys", "Authorization", ACTUATOR).body());
        assertThat(keys.toString()).doesNotContain(active.get(0).substring(20, 40));
    }

    @Test
    void aNodeWithAnotherSecretRefusesToStartOnTheSameDatabase() {
        String[] args = {
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--spring.mail.port=" + TestMail.port(),
                "--camunda.bpm.admin-user.password=" + TestEnvironment.ADMIN_PASSWORD,
                "--nelm.security.signing.secret=another-secret",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.job-execution.enabled=false"
        };

        assertThatThrownBy(() -> new SpringApplicationBuilder(NelmApplication.class).run(args).close())
                .hasMessageContaining("NELM_SIGNING_KEY_SECRET does not decrypt signing key");
    }

    private String freshToken() throws Exception {
        HttpResponse<String> response = RawHttp.token(port, RawHttp.clientCredentials("admin", "admin-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private int status(String token) {
        return RawHttp.get(port, "/v3/personal-access-tokens", "Authorization", "Bearer " + token).statusCode();
    }

    private static String kid(String token) throws Exception {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    private static JsonNode key(JsonNode keys, String kid) {
        for (JsonNode key : keys) {
            if (kid.equals(key.get("kid").asText())) {
                return key;
            }
        }
        throw new AssertionError("no key " + kid + " in " + keys);
    }
}
