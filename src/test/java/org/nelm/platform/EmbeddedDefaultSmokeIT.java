package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelm.NelmApplication;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.RawHttp;
import org.nelm.support.TestEnvironment;
import org.nelm.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the application the way {@code mvn spring-boot:run} does (embedded H2 file database, demo data from
 * the default configuration, admin/admin), then restarts it on the same files: data and signing key survive, also
 * when the second start encrypts the key.
 */
class EmbeddedDefaultSmokeIT {

    @Test
    void embeddedDefaultStartsAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("nelm-smoke");
        String[] args = {
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("nelm") + ";AUTO_SERVER=FALSE",
                "--spring.mail.port=" + TestMail.port(),
                // closing this engine must not unregister the engine of the shared test context
                "--camunda.bpm.generate-unique-process-engine-name=true",
                // the webapps keep their application context in a static field: one webapp per JVM (the shared one)
                "--camunda.bpm.webapp.enabled=false",
                "--nelm.security.actuator.password=" + TestEnvironment.ACTUATOR_PASSWORD
        };
        // the second start encrypts the signing key that the first one stored in plain
        String[] withSigningSecret = Arrays.copyOf(args, args.length + 1);
        withSigningSecret[args.length] = "--nelm.security.signing.secret=smoke-test-signing-secret";

        String patId;
        String patSecret;
        String tokenOfFirstRun;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(NelmApplication.class).run(args)) {
            int port = port(first);
            Api admin = Api.as(port, "admin");
            tokenOfFirstRun = admin.token();
            assertThat(admin.get("/v3/personal-access-tokens").status()).isEqualTo(200);
            ApiResponse pat = admin.post("/v3/personal-access-tokens", Map.of("name", "survives restart"));
            patId = pat.json().get("id").asText();
            patSecret = pat.json().get("secret").asText();
            assertThat(Api.anonymous(port).get("/v3/personal-access-tokens").status()).isEqualTo(401);
            assertThat(admin.get("/v3/unknown").detailCode()).isEqualTo("404 Not found");
            assertThat(first.getBean(IdentityDirectory.class).acceptsPassword("admin", "admin"))
                    .as("the embedded demo's admin/admin").isTrue();
            assertThat(RawHttp.get(port, "/actuator/prometheus").statusCode()).isEqualTo(401);
            assertThat(RawHttp.get(port, "/actuator/prometheus", "Authorization",
                    RawHttp.basic(TestEnvironment.ACTUATOR_USER, TestEnvironment.ACTUATOR_PASSWORD)).body())
                    .contains("jvm_memory_used_bytes");
        }

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NelmApplication.class)
                .run(withSigningSecret)) {
            int port = port(second);
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select private_pem from nelm_signing_key where active = true").query(String.class).single())
                    .startsWith("aes-gcm:v1:");
            assertThat(Api.withToken(port, tokenOfFirstRun).get("/v3/personal-access-tokens").status()).isEqualTo(200);
            ApiResponse list = Api.as(port, patId, patSecret).get("/v3/personal-access-tokens");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().findValuesAsText("id")).contains(patId);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
