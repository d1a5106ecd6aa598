package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.nelm.support.ApiIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiIntegration
class EngineAndWebappsIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void engineTablesCarryOurIndexes_appliedByTheirOwnMigrations() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            List<String> taskIndexes = new ArrayList<>();
            String table = connection.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_task" : "ACT_RU_TASK";
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (indexes.next()) {
                    taskIndexes.add(String.valueOf(indexes.getString("INDEX_NAME")).toUpperCase(Locale.ROOT));
                }
            }
            assertThat(taskIndexes).contains("NELM_IDX_TASK_PARENT");
        }
        // Flyway quotes its lowercase names, which H2 then keeps case-sensitive
        assertThat(jdbc.sql("select count(*) from \"nelm_engine_schema_history\" where \"success\" = true and \"version\" = '1'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void engineRestRefusesRequestsWithoutCredentials() throws Exception {
        assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestRefusesAWrongPassword() throws Exception {
        assertThat(get("/engine-rest/process-definition", basic("requester1", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestAcceptsCamundaUsersAndAppliesAuthorization() throws Exception {
        assertThat(get("/engine-rest/user/count", basic("admin", "admin")).statusCode()).isEqualTo(200);

        HttpResponse<String> approverCreatesUser = send(HttpRequest.newBuilder(uri("/engine-rest/user/create"))
                .header("Authorization", basic("approver1", "approver1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}")));
        assertThat(approverCreatesUser.statusCode()).isEqualTo(403);
    }

    @Test
    void tasklistAndCockpitAreServedWithoutTheEndOfLifeBanner() throws Exception {
        HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/", null);
        HttpResponse<String> cockpit = get("/camunda/app/cockpit/default/", null);
        HttpResponse<String> userStyles = get("/camunda/app/tasklist/styles/user-styles.css", null);

        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.body()).contains("<html");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(userStyles.body()).contains(".ce-eol-banner").contains("display: none");
    }

    @Test
    void approversCanLogInToTasklist() throws Exception {
        HttpResponse<String> page = get("/camunda/app/tasklist/default/", null);
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList());
        String xsrf = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.split(";", 2)[0].substring("XSRF-TOKEN=".length()))
                .findFirst().orElseThrow();

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=approver2&password=approver2")));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"userId\":\"approver2\"").contains("tasklist");
    }

    @Test
    void rootRedirectsToTheWebapps() throws Exception {
        HttpResponse<String> root = get("/", null);

        assertThat(root.statusCode()).isBetween(301, 302);
        assertThat(root.headers().firstValue("Location").orElse("")).contains("/camunda/app/");
    }

    @Test
    void operationalEndpointsAreOpen() throws Exception {
        assertThat(get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> openapi = get("/openapi", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).contains("\"openapi\"");
        assertThat(get("/swagger-ui/index.html", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
