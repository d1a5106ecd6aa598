package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.bulk.BulkFiles.HEADER;
import static org.nelm.bulk.BulkFiles.awaitEnd;
import static org.nelm.bulk.BulkFiles.recordCount;
import static org.nelm.bulk.BulkFiles.upload;
import static org.nelm.bulk.BulkFiles.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordChanged;
import org.nelm.record.RecordCreated;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.nelm.support.CapturedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

@ApiIntegration
class BulkImportIT {

    @LocalServerPort
    int port;

    @Autowired
    BulkImports imports;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    BulkImportProcess process;

    @Autowired
    org.nelm.source.SourcePolicies sources;

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

    @Test
    void aGoodFileIsAcceptedAsAPendingJobThatCompletesAndCreatesTheRecords() throws Exception {
        ApiResponse accepted = upload(admin, sourceId, BulkFiles.rows("bulk.", 2500));

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode job = accepted.json();
        assertThat(job.get("sourceId").asText()).isEqualTo(sourceId);
        assertThat(job.get("status").asText()).isEqualTo("PENDING");
        assertThat(job.hasNonNull("id") && job.hasNonNull("created") && job.hasNonNull("modified")).isTrue();
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        assertThat(recordCount(admin, sourceId)).isEqualTo(2500);
        JsonNode results = results(job.get("id").asText());
        assertThat(results.get("created").asInt()).isEqualTo(2500);
        assertThat(results.get("rows").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(results.get("rows").get(0).get("outcome").asText()).isEqualTo("CREATED");
    }

    @Test
    void anImportPublishesOneFinishedEvent_andNoRecordEventPerRow() throws Exception {
        try (CapturedEvents events = CapturedEvents.start(context)) {
            ApiResponse accepted = upload(admin, sourceId, BulkFiles.rows("events.", 30));
            assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
            String jobId = accepted.json().get("id").asText();

            BulkImportFinished finished = events.await(BulkImportFinished.class, jobId);
            assertThat(finished.type()).isEqualTo("org.nelm.bulk-import.finished");
            assertThat(finished.actor()).isEqualTo("admin");
            assertThat(finished.sourceId()).isEqualTo(sourceId);
            assertThat(finished.status()).isEqualTo("COMPLETED");
            assertThat(finished.created()).isEqualTo(30);
            assertThat(events.of(BulkImportFinished.class, jobId)).hasSize(1);
            assertThat(events.all()).noneMatch(event -> event instanceof RecordCreated
                    || event instanceof RecordChanged);
        }
    }

    @Test
    void rowsAreUpdatedByAccountNameAndCustomColumnsApply() throws Exception {
        RecordFixtures.record(admin, sourceId, "known");
        byte[] csv = utf8("\uFEFF" + HEADER + ",department\r\n"
                + "known,Kay,\"Known, Jr.\",1,known@example.com,jane.doe,2024-01-01,2030-01-01,Sales\r\n"
                + "fresh,Fay,Fresh,2,fresh@example.com,jane.doe,2024-01-01,2030-01-01,\r\n\r\n");

        ApiResponse accepted = upload(admin, sourceId, csv);

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        JsonNode results = results(accepted.json().get("id").asText());
        assertThat(outcomes(results)).containsExactly("UPDATED", "CREATED");
        JsonNode known = admin.get("/v3/non-employee-records?filters="
                + Api.encode("sourceId eq \"" + sourceId + "\"") + "&sorters=accountName").json().get(1);
        assertThat(known.get("accountName").asText()).isEqualTo("known");
        assertThat(known.get("lastName").asText()).isEqualTo("Known, Jr.");
        assertThat(known.get("data").get("department").asText()).isEqualTo("Sales");
        assertThat(known.get("endDate").asText()).isEqualTo("2030-01-01T00:00:00Z");
    }

    @Test
    void badRowsFailWithTheirReasonsTheOthersAreWrittenAndTheJobEndsInError() throws Exception {
        byte[] csv = utf8(HEADER + "\n"
                + "good,G,Ood,1,good@example.com,m,2024-01-01,2030-01-01\n"
                + "bad.mail,B,Ad,1,nope,m,2024-01-01,2030-01-01\n"
                + "late,L,Ate,1,late@example.com,m,2030-01-01,2024-01-01\n"
                + "twice,T,W,1,t@example.com,m,2024-01-01,2030-01-01\n"
                + "twice,T,W,1,t@example.com,m,2024-01-01,2030-01-01\n"
                + ",No,Name,1,n@example.com,m,2024-01-01,2030-01-01\n");

        ApiResponse accepted = upload(admin, sourceId, csv);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("ERROR");
        JsonNode results = results(accepted.json().get("id").asText());
        assertThat(outcomes(results)).containsExactly("CREATED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED");
        assertThat(results.get("rows").get(1).get("reasons").get(0).asText())
                .isEqualTo("email \"nope\" is not a valid e-mail address");
        assertThat(results.get("rows").get(2).get("reasons").get(0).asText())
                .isEqualTo("startDate must not be after endDate");
        assertThat(results.get("rows").get(3).get("reasons").get(0).asText()).contains("appears more than once");
        assertThat(results.get("rows").get(5).get("reasons").get(0).asText()).isEqualTo("accountName is required");
        assertThat(recordCount(admin, sourceId)).isEqualTo(1);
    }

    @Test
    void aBadFileIsRefusedSynchronouslyWithOneMessagePerProblem() {
        ApiResponse refused = upload(admin, sourceId, utf8("accountName,firstName,nickname\nx,y,z\n"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detailCode()).isEqualTo("400.1 Bad Request Content");
        List<String> messages = new ArrayList<>();
        refused.json().get("messages").forEach(m -> messages.add(m.get("text").asText()));
        assertThat(messages).contains("line 1: missing column \"email\"", "line 1: missing column \"endDate\"");
        assertThat(messages).anyMatch(m -> m.startsWith("line 1: unknown column \"nickname\""));
        assertThat(admin.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/status").json()
                .has("status")).isFalse();
    }

    @Test
    void aFileThatIsNotUtf8OrNotCsvIsRefused() {
        byte[] latin1 = (HEADER + "\nj\u00f6rg,J,M,1,j@example.com,m,2024-01-01,2030-01-01\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(upload(admin, sourceId, latin1).messageText()).contains("line 2: the file is not UTF-8 encoded");
        assertThat(upload(admin, sourceId, utf8(HEADER + "\n\"open,quote\n")).messageText())
                .contains("the file is not valid CSV");
        assertThat(upload(admin, sourceId, utf8("")).status()).isEqualTo(400);
    }

    @Test
    void aDryRunReturnsThePerRowResultsAndWritesNothing() {
        RecordFixtures.record(admin, sourceId, "known");
        byte[] csv = utf8(HEADER + "\nknown,K,N,1,k@example.com,m,2024-01-01,2030-01-01\n"
                + "new,N,W,1,n@example.com,m,2024-01-01,2030-01-01\nbad,B,D,1,b@example.com,m,never,2030-01-01\n");

        ApiResponse dryRun = admin.multipart("/v3/non-employee-sources/" + sourceId
                + "/non-employee-bulk-upload?dryRun=true", "data", "dry.csv", csv);

        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
        assertThat(outcomes(dryRun.json())).containsExactly("UPDATED", "CREATED", "FAILED");
        assertThat(recordCount(admin, sourceId)).isEqualTo(1);
        assertThat(admin.get("/v3/non-employee-records?filters=" + Api.encode("sourceId eq \"" + sourceId + "\""))
                .json().get(0).get("firstName").asText()).isEqualTo("William");
        assertThat(admin.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/status").json()
                .has("status")).isFalse();
    }

    @Test
    void aSecondUploadWhileOneIsPendingIsAConflict() throws Exception {
        BulkJob pending = BulkFiles.submit(imports, sources.find(sourceId).orElseThrow(), "first.csv", BulkFiles.rows("first.", 3)).job();

        ApiResponse second = upload(admin, sourceId, BulkFiles.rows("second.", 3));

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(second.messageText()).contains("already PENDING").contains(pending.id());
        assertThat(admin.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/status")
                .json().get("status").asText()).isEqualTo("PENDING");
        process.start(pending.id(), "admin");
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        assertThat(upload(admin, sourceId, BulkFiles.rows("third.", 3)).status()).isEqualTo(202);
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
    }

    @Test
    void statusWithoutAnyJobIsAnEmptyObjectAndWorksInEveryFamily() {
        for (String path : List.of("/v3/non-employee-sources/", "/v2026/non-employee-sources/",
                "/non-employee-sources/v1/")) {
            ApiResponse status = admin.get(path + sourceId + "/non-employee-bulk-upload/status");
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.json().isEmpty()).isTrue();
        }
    }

    @Test
    void whoMayUploadAndReadTheStatus() {
        assertThat(upload(Api.as(port, "manager1"), sourceId, BulkFiles.rows("m.", 1)).status()).isEqualTo(403);
        assertThat(Api.as(port, "manager1").get("/v3/non-employee-sources/" + sourceId
                + "/non-employee-bulk-upload/status").status()).isEqualTo(200);
        assertThat(Api.as(port, "approver1").get("/v3/non-employee-sources/" + sourceId
                + "/non-employee-bulk-upload/status").status()).isEqualTo(403);
        assertThat(upload(admin, "no-such-source", BulkFiles.rows("x.", 1)).status()).isEqualTo(404);
        assertThat(admin.get("/v3/non-employee-sources/no-such-source/non-employee-bulk-upload/status").status())
                .isEqualTo(404);
        assertThat(admin.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/no-such-job/results")
                .status()).isEqualTo(404);
    }

    @Test
    void anUploadWithoutTheDataPartIsABadRequest() {
        ApiResponse response = admin.multipart("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload",
                "file", "x.csv", BulkFiles.rows("x.", 1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.messageText()).contains("data is required");
    }

    private JsonNode results(String jobId) {
        ApiResponse results = admin.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/"
                + jobId + "/results");
        assertThat(results.status()).isEqualTo(200);
        return results.json();
    }

    private static List<String> outcomes(JsonNode results) {
        List<String> outcomes = new ArrayList<>();
        results.get("rows").forEach(row -> outcomes.add(row.get("outcome").asText()));
        return outcomes;
    }
}
