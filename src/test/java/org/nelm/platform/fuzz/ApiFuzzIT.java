package org.nelm.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.nelm.platform.fuzz.FuzzRequests.Fixtures;
import org.nelm.platform.fuzz.FuzzRequests.FuzzRequest;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.nelm.support.ContractValidator;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;

/**
 * Generated requests against every NELM operation (and the token operations), on the shared test application:
 * no input may give a 5xx, every 4xx must have the contract's shape ({@code ErrorResponseDto}; 401
 * {@code {"error"}} and 429 {@code {"message"}}) in our words, and every response must satisfy the OpenAPI extracts.
 * 5,000 requests per database in the suite; {@code -Dnelm.fuzz.tries=50000} for a longer run.
 * <p>
 * jqwik runs the property; Spring's {@link TestContextManager} gives it the same application context the JUnit
 * tests share (same {@link ApiIntegration} configuration), so no second engine starts.
 */
@ApiIntegration
class ApiFuzzIT {

    static final int DEFAULT_TRIES = 5000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DETAIL_CODES = Set.of("400.1 Bad Request Content", "400.1.409 Reference conflict",
            "400.1.4 Limit violation", "403 Forbidden", "404 Not found", "405 Method Not Allowed",
            "415 Unsupported Media Type", "406 Not Acceptable");
    /** What library text and our own type names look like in a message. */
    private static final Pattern LEAK = Pattern.compile(
            "(org|com|java|javax|jakarta|net)\\.[a-z]+\\.|Exception|`|zjsonpatch|Tomcat|<html", Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    private Fixtures fixtures;
    private final Map<String, String> tokens = new HashMap<>();
    private final Set<String> createdSources = ConcurrentHashMap.newKeySet();
    private final Set<String> createdTokens = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private long started;

    /** {@code -Dnelm.fuzz.tries} overrides the number of generated requests. */
    static class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("nelm.fuzz.tries", DEFAULT_TRIES));
            return property.execute();
        }
    }

    @BeforeProperty
    void startApplicationAndCreateFixtures() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        Api admin = Api.as(port, "admin");
        for (String caller : List.of("admin", "approver1", "nelm-service")) {
            tokens.put(caller, Api.as(port, caller).token());
        }
        tokens.put("bad token", "e30.e30.e30");
        fixtures = fixtures(admin);
        started = System.nanoTime();
    }

    @AfterProperty
    void removeWhatTheRunCreated() {
        System.out.printf("ApiFuzzIT: %d requests over %d operations in %.1f s, statuses %s%n",
                statuses.values().stream().mapToInt(Integer::intValue).sum(), FuzzRequests.OPERATION_COUNT,
                (System.nanoTime() - started) / 1e9, new java.util.TreeMap<>(statuses));
        if (Boolean.getBoolean("nelm.fuzz.report")) {
            new java.util.TreeMap<>(outcomes).forEach((outcome, n) -> System.out.println("ApiFuzzIT: " + outcome + " " + n));
        }
        Api admin = Api.as(port, "admin");
        createdSources.add(fixtures.sourceId());
        for (String sourceId : createdSources) {
            admin.delete("/v3/non-employee-sources/" + sourceId);
        }
        createdTokens.add(fixtures.patId());
        for (String tokenId : createdTokens) {
            admin.delete("/v3/personal-access-tokens/" + tokenId);
        }
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Tries.class)
    void noInputIsAServerFaultAndEveryErrorHasTheContractsShape(@ForAll("requests") FuzzRequest request)
            throws Exception {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        outcomes.merge(request.operation() + " " + request.caller() + " " + status, 1, Integer::sum);
        remember(request, response);

        assertThat(status).as("status of\n%s\nanswered %s", request, response.body()).isLessThan(500);
        if (status >= 400) {
            assertErrorShape(request, status, response.body());
        }
        String path = request.path();
        ContractValidator.check(request.method(), path, status, response.headers(), response.body())
                .ifPresent(report -> {
                    throw new AssertionError("The response to\n" + request + "\nbreaks the contract:\n" + report
                            + "\nBody: " + response.body());
                });
    }

    @Provide
    Arbitrary<FuzzRequest> requests() {
        return FuzzRequests.any(fixtures);
    }

    private HttpResponse<String> send(FuzzRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        String token = tokens.get(request.caller());
        if (token != null) {
            http.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            http.header("Accept", request.accept());
        }
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertErrorShape(FuzzRequest request, int status, String body) throws IOException {
        String described = "error body of\n" + request + "\nanswered " + status + " " + body;
        JsonNode json = JSON.readTree(body);
        assertThat(json).as(described).isNotNull();
        if (status == 401) {
            assertThat(json.path("error").isTextual()).as(described).isTrue();
        } else if (status == 429) {
            assertThat(json.path("message").isTextual()).as(described).isTrue();
        } else {
            assertThat(DETAIL_CODES).as(described).contains(json.path("detailCode").asText());
            assertThat(json.path("trackingId").asText()).as(described).matches("[0-9a-f]{32}");
            assertThat(json.path("messages").isArray() && !json.path("messages").isEmpty()).as(described).isTrue();
            for (JsonNode message : json.path("messages")) {
                assertThat(message.path("text").isTextual()).as(described).isTrue();
                assertThat(message.path("locale").asText()).as(described).isEqualTo("en-US");
                assertThat(message.path("localeOrigin").asText()).as(described).isEqualTo("DEFAULT");
            }
        }
        assertThat(LEAK.matcher(messageTexts(json)).find()).as("library text or a class name in the " + described)
                .isFalse();
    }

    /** The texts of the body, without what the client itself sent (the messages quote some of it). */
    private static String messageTexts(JsonNode json) {
        StringBuilder texts = new StringBuilder(json.path("error").asText()).append(json.path("message").asText());
        json.path("messages").forEach(message -> texts.append(message.path("text").asText()).append('\n'));
        return texts.toString().replaceAll("\"[^\"]*\"", "\"\"");
    }

    /** Sources and tokens the run created, so that they can be removed after it. */
    private void remember(FuzzRequest request, HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            return;
        }
        if (request.operation().equals("createNonEmployeeSource")) {
            createdSources.add(JSON.readTree(response.body()).path("id").asText());
        } else if (request.operation().equals("createPersonalAccessToken")) {
            createdTokens.add(JSON.readTree(response.body()).path("id").asText());
        }
    }

    /** A source whose approver and account manager is admin (the usual caller), with a record, request and job. */
    private Fixtures fixtures(Api admin) throws Exception {
        ApiResponse source = admin.post("/v3/non-employee-sources", Map.of("name", "fuzz " + UUID.randomUUID(),
                "description", "the fuzz test's source", "owner", Map.of("id", "admin"),
                "approvers", List.of(Map.of("id", "admin")), "accountManagers", List.of(Map.of("id", "admin"))));
        assertThat(source.status()).as(source.text()).isEqualTo(200);
        String sourceId = source.json().get("id").asText();
        String attributeId = null;
        for (String name : List.of("department", "code")) {
            ApiResponse attribute = admin.post("/v3/non-employee-sources/" + sourceId + "/schema-attributes",
                    Map.of("type", "TEXT", "label", name, "technicalName", name));
            assertThat(attribute.status()).as(attribute.text()).isEqualTo(200);
            attributeId = attributeId == null ? attribute.json().get("id").asText() : attributeId;
        }
        String systemAttributeId = admin.get("/v3/non-employee-sources/" + sourceId + "/schema-attributes").json()
                .get(0).get("id").asText();
        ApiResponse record = admin.post("/v3/non-employee-records", body(sourceId, "fuzz.record"));
        assertThat(record.status()).as(record.text()).isEqualTo(200);
        List<String> approvals = new ArrayList<>();
        ApiResponse request = admin.post("/v3/non-employee-requests", body(sourceId, "fuzz.request"));
        assertThat(request.status()).as(request.text()).isEqualTo(200);
        request.json().get("approvalItems").forEach(item -> approvals.add(item.get("id").asText()));
        ApiResponse job = admin.multipart("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload", "data",
                "fuzz.csv", ("accountName,firstName,lastName,phone,email,manager,startDate,endDate\n"
                        + "fuzz.upload,F,Uzz,1,fuzz@example.com,admin,2020-01-01,2030-01-01\n").getBytes(StandardCharsets.UTF_8));
        assertThat(job.status()).as(job.text()).isEqualTo(202);
        ApiResponse pat = admin.post("/v3/personal-access-tokens", Map.of("name", "fuzz token"));
        assertThat(pat.status()).as(pat.text()).isEqualTo(200);
        return new Fixtures(sourceId, record.json().get("id").asText(), request.json().get("id").asText(),
                approvals.get(0), attributeId, systemAttributeId, job.json().get("id").asText(),
                pat.json().get("id").asText());
    }

    private static Map<String, Object> body(String sourceId, String accountName) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountName", accountName);
        body.put("firstName", "Fuzz");
        body.put("lastName", "Tester");
        body.put("email", "fuzz@example.com");
        body.put("phone", "5125555555");
        body.put("manager", "admin");
        body.put("sourceId", sourceId);
        body.put("startDate", "2020-03-24T00:00:00-05:00");
        body.put("endDate", "2031-03-25T00:00:00-05:00");
        return body;
    }
}
