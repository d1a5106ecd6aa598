package org.nelm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.RawHttp;
import org.nelm.support.StandaloneNode;
import org.nelm.support.TestDatabase;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

/**
 * What an operator gets without asking: no start without an admin password outside the embedded H2 demo, no
 * demo sign-ins without demo mode (also on a database that once had them), readiness only once the node can
 * serve. Each test starts its own nodes, as an operator would, on a fresh database of the run's kind.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionDefaultsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo OAuth clients as the README lists them (secret = id + "-secret"). */
    private static final List<String> DEMO_CLIENTS = List.of("admin", "approver1", "approver2", "approver3",
            "manager1", "requester1", "nelm-service");

    @Test
    void outsideTheEmbeddedDemoANodeWithoutAnAdminPasswordRefusesToStart_withOneLogLine(CapturedOutput output)
            throws Exception {
        Map<String, String> database = TestDatabase.datasourceProperties();
        // on H2 only demo mode makes the embedded demo; on PostgreSQL not even that
        String demo = TestDatabase.isPostgres() ? "nelm.demo.enabled=true" : "nelm.demo.enabled=false";

        assertThatThrownBy(() -> StandaloneNode.start(StandaloneNode.args(database, demo)).close())
                .hasMessage(EmbeddedDemoDefaults.MESSAGE);

        assertThat(output.getOut().lines()
                .filter(line -> line.contains(" ERROR ") && line.contains(EmbeddedDemoDefaults.MESSAGE)))
                .singleElement().satisfies(line -> assertThat(line).contains("EmbeddedDemoDefaults"));
        assertThat(tables(database)).as("stopped before the schema, the engine or its admin user existed").isZero();
    }

    @Test
    void readinessStaysOutOfServiceUntilTheNodeCanServe_soNoTokenIsTakenFromHalfTheDemoData() throws Exception {
        DuringStartup probe = new DuringStartup();
        String[] args = StandaloneNode.args(TestDatabase.datasourceProperties(),
                "camunda.bpm.admin-user.password=admin", "nelm.demo.enabled=true");

        try (ConfigurableApplicationContext node = StandaloneNode.start(args, probe::registerIn)) {
            int port = StandaloneNode.port(node);

            assertThat(probe.readiness.statusCode()).as("while the start-up runners run").isEqualTo(503);
            assertThat(probe.readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(probe.token.statusCode()).as("no demo client yet").isEqualTo(401);
            HttpResponse<String> ready = RawHttp.get(port, "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> token = RawHttp.token(port, RawHttp.clientCredentials("admin", "admin-secret"));
            assertThat(SignedJWT.parse(JSON.readTree(token.body()).get("access_token").asText())
                    .getJWTClaimsSet().getStringListClaim("authorities")).contains("ORG_ADMIN");
        }
    }

    @Test
    void aDatabaseStartedWithoutDemoModeLosesItsDemoSignIns_andDemoModeBringsThemBack(CapturedOutput output) {
        Map<String, String> database = TestDatabase.datasourceProperties();
        String approverPat;
        String adminPat;
        try (ConfigurableApplicationContext demo = StandaloneNode.start(StandaloneNode.args(database,
                "nelm.demo.enabled=true", "camunda.bpm.admin-user.password=admin"))) {
            int port = StandaloneNode.port(demo);
            approverPat = personalAccessToken(port, "approver1");
            adminPat = personalAccessToken(port, "admin");
            assertThat(token(port, "approver1", "approver1-secret")).isEqualTo(200);
        }

        // on PostgreSQL demo mode is off unless asked for; on H2 it has to be switched off
        String[] settings = TestDatabase.isPostgres()
                ? new String[] {"camunda.bpm.admin-user.password=production-secret"}
                : new String[] {"camunda.bpm.admin-user.password=production-secret", "nelm.demo.enabled=false"};
        try (ConfigurableApplicationContext production = StandaloneNode.start(StandaloneNode.args(database, settings))) {
            int port = StandaloneNode.port(production);
            IdentityDirectory directory = production.getBean(IdentityDirectory.class);

            for (String client : DEMO_CLIENTS) {
                assertThat(token(port, client, client + "-secret")).as("demo client " + client).isEqualTo(401);
            }
            assertThat(token(port, approverPat.split(":")[0], approverPat.split(":")[1])).as("approver1's PAT")
                    .isEqualTo(401);
            assertThat(token(port, adminPat.split(":")[0], adminPat.split(":")[1])).as("admin's PAT").isEqualTo(401);
            assertThat(directory.acceptsPassword("approver1", "approver1")).isFalse();
            assertThat(directory.acceptsPassword("requester1", "requester1")).isFalse();
            assertThat(directory.acceptsPassword("admin", "admin")).isFalse();
            assertThat(directory.acceptsPassword("admin", "production-secret")).as("the configured admin").isTrue();
            assertThat(directory.identityExists("approver1")).as("disabled, not deleted").isTrue();
            assertThat(output.getOut().lines().filter(line -> line.contains("demo sign-ins were disabled")))
                    .singleElement().satisfies(line -> assertThat(line)
                            .contains("WARN").contains("approver1").contains("nelm-service")
                            .contains("2 personal access token(s)"));
        }

        try (ConfigurableApplicationContext demoAgain = StandaloneNode.start(StandaloneNode.args(database,
                "nelm.demo.enabled=true", "camunda.bpm.admin-user.password=production-secret"))) {
            int port = StandaloneNode.port(demoAgain);
            IdentityDirectory directory = demoAgain.getBean(IdentityDirectory.class);

            assertThat(token(port, "approver1", "approver1-secret")).isEqualTo(200);
            assertThat(token(port, "nelm-service", "nelm-service-secret")).isEqualTo(200);
            assertThat(directory.acceptsPassword("approver1", "approver1")).isTrue();
            assertThat(directory.acceptsPassword("admin", "production-secret"))
                    .as("demo mode leaves the configured admin's password alone").isTrue();
            assertThat(token(port, approverPat.split(":")[0], approverPat.split(":")[1])).as("deleted for good")
                    .isEqualTo(401);
        }
    }

    private static int token(int port, String clientId, String secret) {
        return RawHttp.token(port, RawHttp.clientCredentials(clientId, secret)).statusCode();
    }

    /** "id:secret" of a new personal access token of the demo identity. */
    private static String personalAccessToken(int port, String identity) {
        ApiResponse created = Api.withToken(port, freshToken(port, identity)).post("/v3/personal-access-tokens",
                Map.of("name", "made in demo mode"));
        assertThat(created.status()).isEqualTo(200);
        return created.json().get("id").asText() + ":" + created.json().get("secret").asText();
    }

    private static String freshToken(int port, String identity) {
        try {
            return JSON.readTree(RawHttp.token(port, RawHttp.clientCredentials(identity, identity + "-secret")).body())
                    .get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long tables(Map<String, String> database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                database.get("spring.datasource.username"), database.get("spring.datasource.password"));
             ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            long count = 0;
            while (tables.next()) {
                String schema = String.valueOf(tables.getString("TABLE_SCHEM")).toLowerCase();
                if (!schema.equals("information_schema") && !schema.equals("pg_catalog")) {
                    count++;
                }
            }
            return count;
        }
    }

    /**
     * The first of the start-up runners, while the node already listens: it asks what a load balancer and a
     * client would ask in that moment.
     */
    private static final class DuringStartup implements ApplicationRunner, Ordered {

        private ConfigurableApplicationContext context;
        private volatile HttpResponse<String> readiness;
        private volatile HttpResponse<String> token;

        void registerIn(ConfigurableApplicationContext context) {
            this.context = context;
            ((GenericApplicationContext) context).registerBean("duringStartup", ApplicationRunner.class, () -> this);
        }

        @Override
        public void run(ApplicationArguments args) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            readiness = RawHttp.get(port, "/actuator/health/readiness");
            token = RawHttp.token(port, RawHttp.clientCredentials("admin", "admin-secret"));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
