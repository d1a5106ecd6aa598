package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every class of input limit (docs/security.md, "Input limits and denial of service") through the real stack, and
 * the errors of every layer (Tomcat, Spring Security, Spring MVC, ours) in the contract's ErrorResponseDto.
 */
@ApiIntegration
class InputLimitsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMIT = "400.1.4 Limit violation";
    private static final String BAD_REQUEST = "400.1 Bad Request Content";

    @LocalServerPort
    int port;

    Api admin;
    String sourceId;

    @BeforeEach
    void source() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin, "department");
    }

    @AfterEach
    void removeSource() {
        RecordFixtures.deleteSource(admin, sourceId);
    }

    // ---- the request body ----------------------------------------------------------------------------------

    @Test
    void aJsonBodyOverOneMegabyteIsALimitViolationAnsweredAtOnce() {
        ApiResponse response = admin.send("POST", "/v3/non-employee-records", "application/json",
                jsonOfSize(1024 * 1024 + 1), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo(LIMIT);
        assertThat(response.messageText()).contains("The request body is larger than 1048576 bytes");
    }

    @Test
    void aBodySentWithoutContentLengthIsCutOffAtTheLimitToo() throws Exception {
        byte[] body = jsonOfSize(1024 * 1024 + 100);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/non-employee-records"))
                .header("Authorization", "Bearer " + admin.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorBody(response.body()).get("detailCode").asText()).isEqualTo(LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/*; charset=UTF-8", "not a type", "application/json; charset=nope"})
    void aContentTypeThatIsNotOneConcreteMediaTypeIs415(String contentType) {
        String recordId = RecordFixtures.record(admin, sourceId, "ct." + Math.abs(contentType.hashCode()));
        ApiResponse post = admin.send("POST", "/v3/non-employee-records", contentType, "{}", null);
        ApiResponse put = admin.send("PUT", "/v3/non-employee-records/" + recordId, contentType, "{}", null);
        ApiResponse source = admin.send("POST", "/non-employee-sources/v1", contentType, "{}", null);

        for (ApiResponse response : List.of(post, put, source)) {
            assertThat(response.status()).as(response.text()).isEqualTo(415);
            assertThat(response.detailCode()).isEqualTo("415 Unsupported Media Type");
            assertThat(response.messageText()).contains("is not one concrete media type");
        }
    }

    @Test
    void bodiesOfTheWrongShapeAreNamedInTheContractsWordsWithoutOurClassNames() {
        Map<String, String> cases = Map.of(
                "\"just text\"", "The request body must be an object",
                "[1, 2]", "The request body must be an object",
                "{\"name\": \"x\", \"approvers\": {\"id\": \"a\"}}", "field approvers must be an array",
                "{\"name\": \"x\", \"owner\": [1]}", "field owner must be an object",
                "{\"name\": \"x\", \"owner\": {\"id\": {}}}", "field owner.id must be a string",
                "{\"name\": ", "The request body is not valid JSON (line 1, column",
                "{\"name\": \"x\" \"description\": \"y\"}", "The request body is not valid JSON (line 1, column");
        cases.forEach((body, text) -> {
            ApiResponse response = admin.send("POST", "/v3/non-employee-sources", "application/json", body, null);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.messageText()).as(body).contains(text);
            assertNoLibraryText(response);
        });
        ApiResponse deep = admin.send("PATCH", "/v3/non-employee-sources/" + sourceId, "application/json-patch+json",
                "[".repeat(2000), null);
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.messageText()).contains("at most 1000 levels of nesting");
        assertNoLibraryText(deep);
    }

    // ---- texts: identifiers and names (255), long texts (4000), control characters --------------------------

    @Test
    void theHostileEmailIsRefusedByItsLengthBeforeAnyOtherCheck() {
        Map<String, Object> body = RecordFixtures.body(sourceId, "hostile");
        body.put("email", "a@" + ".".repeat(20_000) + "@");

        ApiResponse response = admin.post("/v3/non-employee-records", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.messageText()).isEqualTo("email must be at most 255 characters;\n");
    }

    @Test
    void namesIdsAndLongTextsHaveTheirMaximumLengths() {
        Map<String, Object> source = new HashMap<>(Map.of("name", "n".repeat(256), "description", "d".repeat(4001),
                "owner", Map.of("id", "o".repeat(256)), "managementWorkgroup", "w".repeat(256)));
        ApiResponse sourceResponse = admin.post("/v3/non-employee-sources", source);
        ApiResponse attribute = admin.post("/v3/non-employee-sources/" + sourceId + "/schema-attributes",
                Map.of("type", "TEXT", "label", "l".repeat(256), "technicalName", "t".repeat(256),
                        "helpText", "h".repeat(4001), "placeholder", "p".repeat(4001)));
        Map<String, Object> record = RecordFixtures.body(sourceId, "a".repeat(256));
        record.put("data", Map.of("department", "v".repeat(4001)));
        ApiResponse recordResponse = admin.post("/v3/non-employee-records", record);

        assertThat(sourceResponse.messageText()).contains("name must be at most 255 characters",
                "description must be at most 4000 characters", "owner.id must be at most 255 characters",
                "managementWorkgroup must be at most 255 characters");
        assertThat(attribute.messageText()).contains("label must be at most 255 characters",
                "technicalName must be at most 255 characters", "helpText must be at most 4000 characters",
                "placeholder must be at most 4000 characters");
        assertThat(recordResponse.messageText()).contains("accountName must be at most 255 characters",
                "data.department must be at most 4000 characters");
        for (ApiResponse response : List.of(sourceResponse, attribute, recordResponse)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.detailCode()).isEqualTo(BAD_REQUEST);
        }
        ApiResponse growsInLowerCase = admin.post("/v3/non-employee-sources", Map.of("name", "\u0130".repeat(255),
                "description", "", "owner", Map.of("id", "admin")));
        assertThat(growsInLowerCase.status()).isEqualTo(400);
        assertThat(growsInLowerCase.messageText()).contains("name must be at most 255 characters");
    }

    @Test
    void controlCharactersAreRefusedInEveryTextNotStored() {
        Map<String, Object> record = RecordFixtures.body(sourceId, "nul\u0000name");
        ApiResponse recordResponse = admin.post("/v3/non-employee-records", record);
        ApiResponse sourceResponse = admin.post("/v3/non-employee-sources", Map.of("name", "control",
                "description", "bell\u0007", "owner", Map.of("id", "admin")));
        ApiResponse multiLine = admin.post("/v3/non-employee-sources/" + sourceId + "/schema-attributes",
                Map.of("type", "TEXT", "label", "Notes", "technicalName", "notes", "helpText", "line one\r\n\tline two"));

        assertThat(recordResponse.messageText()).contains("field accountName must be plain text");
        assertThat(sourceResponse.messageText()).contains("field description must be plain text");
        ApiResponse unpaired = admin.send("POST", "/v3/personal-access-tokens", "application/json",
                "{\"name\": \"half \\ud800 a pair\"}", null);
        assertThat(unpaired.status()).isEqualTo(400);
        assertThat(unpaired.messageText()).contains("field name must be plain text");
        assertThat(multiLine.status()).as(multiLine.text()).isEqualTo(200);
    }

    @Test
    void controlCharactersInUrlsFormsAndIdListsAreRefused() {
        ApiResponse query = admin.get("/v3/non-employee-requests?requested-for=%00");
        ApiResponse filter = admin.get("/v3/non-employee-records?filters=" + Api.encode("sourceId eq \"\u0000\""));
        ApiResponse path = admin.get("/v3/non-employee-records/a%01b");
        ApiResponse form = Api.anonymous(port).send("POST", "/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=%00&client_secret=x", null);
        ApiResponse ids = admin.post("/v3/non-employee-records/bulk-delete", Map.of("ids", List.of("\u0000")));

        for (ApiResponse response : List.of(query, filter, path, form, ids)) {
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.detailCode()).isEqualTo(BAD_REQUEST);
        }
        assertThat(ids.messageText()).contains("field ids[0] must be plain text");
    }

    // ---- dates ----------------------------------------------------------------------------------------------

    @Test
    void datesAtTheEdgeOfTheRangeAreRefusedInRecordAndRequestBodies() {
        Map<String, Object> body = RecordFixtures.body(sourceId, "edge");
        body.put("endDate", "+999999999-12-31T23:59:59-18:00");
        body.put("startDate", "-999999999-01-01T00:00:00+18:00");

        ApiResponse record = admin.post("/v3/non-employee-records", body);
        ApiResponse request = admin.post("/v3/non-employee-requests", body);

        for (ApiResponse response : List.of(record, request)) {
            assertThat(response.status()).as(response.text()).isEqualTo(400);
            assertThat(response.messageText()).contains(
                    "startDate must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z",
                    "endDate must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z");
        }
    }

    // ---- collections: JSON Patch, data, filters -------------------------------------------------------------

    @Test
    void aJsonPatchHoldsAtMostOneHundredOperationsAndCannotGrowTheRecord() {
        String recordId = RecordFixtures.record(admin, sourceId, "patched");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("op", "test", "path", "/firstName", "value", "William"));
        }
        List<Map<String, Object>> doubling = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            doubling.add(Map.of("op", "copy", "from", "/data", "path", "/data/k" + i));
        }

        ApiResponse tooMany = admin.patch("/v3/non-employee-records/" + recordId, many);
        ApiResponse growing = admin.patch("/v3/non-employee-records/" + recordId, doubling);

        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.detailCode()).isEqualTo(LIMIT);
        assertThat(growing.status()).isEqualTo(400);
        assertThat(growing.detailCode()).isEqualTo(LIMIT);
        assertThat(growing.messageText()).contains("makes the document hold more than 1000 JSON values");
    }

    @Test
    void customAttributesHoldAtMostTenEntriesAndEightThousandCharacters() {
        Map<String, Object> eleven = RecordFixtures.body(sourceId, "eleven");
        Map<String, String> data = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            data.put("k" + i, "v");
        }
        eleven.put("data", data);

        ApiResponse response = admin.post("/v3/non-employee-records", eleven);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo(LIMIT);
    }

    @Test
    void queryParametersAreBoundedByTheirRules() {
        ApiResponse limit = admin.get("/v3/non-employee-records?limit=251");
        ApiResponse nested = admin.get("/v3/non-employee-records?filters="
                + Api.encode("(".repeat(60) + "sourceId eq \"x\"" + ")".repeat(60)));

        assertThat(limit.status()).isEqualTo(400);
        assertThat(nested.status()).isEqualTo(400);
        assertThat(nested.messageText()).contains("nesting deeper than 50 levels");
    }

    // ---- errors of the layers below our controllers ---------------------------------------------------------

    @Test
    void aRequestLineOverEightKilobytesIsAnErrorResponseDto() throws IOException {
        RawResponse response = raw("GET /v3/non-employee-records/" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        assertErrorResponseDto(response, 400);
    }

    @Test
    void headersOverEightKilobytesAreAnErrorResponseDto() throws IOException {
        RawResponse response = raw("GET /v3/non-employee-records HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "y".repeat(10_000) + "\r\nConnection: close\r\n\r\n");

        assertErrorResponseDto(response, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/non-employee-records?filters=a|b", "/v3/non-employee-records/a{b}",
            "/v3/non-employee-records/%zz", "/v3/non-employee-records/a%2Fb"})
    void urlsTomcatRefusesAreAnErrorResponseDto(String target) throws IOException {
        RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertErrorResponseDto(response, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v3/non-employee-records/..;/x",
            "/v3/non-employee-records/%25", "/v3//non-employee-records"})
    void urlsTheFirewallRefusesAreAnErrorResponseDto(String target) throws IOException {
        RawResponse response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + admin.token() + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).as(response.toString()).isIn(400, 404);
        assertErrorResponseDto(response, response.status());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static byte[] jsonOfSize(int size) {
        String head = "{\"accountName\": \"";
        String tail = "\"}";
        return (head + "a".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertNoLibraryText(ApiResponse response) {
        assertThat(response.text()).doesNotContain("org.nelm").doesNotContain("com.fasterxml").doesNotContain("`")
                .doesNotContain("Exception").doesNotContain("java.");
    }

    private static JsonNode errorBody(String text) throws IOException {
        JsonNode body = JSON.readTree(text);
        assertThat(body.get("detailCode").asText()).isNotBlank();
        assertThat(body.get("trackingId").asText()).matches("[0-9a-f]{32}");
        assertThat(body.get("messages").isArray() && !body.get("messages").isEmpty()).isTrue();
        return body;
    }

    private static void assertErrorResponseDto(RawResponse response, int status) throws IOException {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.head().toLowerCase()).contains("content-type: application/json");
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
        errorBody(response.body());
    }

    private record RawResponse(int status, String head, String body) {
    }

    /** Sends bytes as they are: Java's HTTP client would refuse or encode what these tests need to send. */
    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String head = split < 0 ? response : response.substring(0, split);
            String body = split < 0 ? "" : response.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunked(body);
            }
            return new RawResponse(Integer.parseInt(head.substring(9, 12)), head, body);
        }
    }

    private static String unchunked(String body) {
        StringBuilder plain = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            plain.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
        return plain.toString();
    }
}
