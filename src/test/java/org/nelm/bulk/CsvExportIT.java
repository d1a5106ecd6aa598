package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.boot.test.web.server.LocalServerPort;

@ApiIntegration
class CsvExportIT {

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

    @Test
    void exportsTheContractColumnsThenCustomAttributesWithIsoDatesAndQuoting() {
        Map<String, Object> body = RecordFixtures.body(sourceId, "b.smith");
        body.put("lastName", "Smith, Jr.");
        body.put("data", Map.of("department", "Audit"));
        assertThat(admin.post("/v3/non-employee-records", body).status()).isEqualTo(200);
        RecordFixtures.record(admin, sourceId, "a.jones");

        ApiResponse csv = admin.get("/v3/non-employee-sources/" + sourceId + "/non-employees/download", "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")).containsExactly(
                "accountName,firstName,lastName,phone,email,manager,startDate,endDate,department",
                "a.jones,William,Smith,5125555555,a.jones@example.com,jane.doe,2020-03-24T05:00:00Z,2031-03-25T05:00:00Z,",
                "b.smith,William,\"Smith, Jr.\",5125555555,b.smith@example.com,jane.doe,2020-03-24T05:00:00Z,2031-03-25T05:00:00Z,Audit");
    }

    @Test
    void anExportCanBeImportedAgainUnchanged() throws Exception {
        RecordFixtures.record(admin, sourceId, "round.trip");
        String exported = admin.get("/v3/non-employee-sources/" + sourceId + "/non-employees/download", "text/csv").text();

        ApiResponse upload = BulkFiles.upload(admin, sourceId, BulkFiles.utf8(exported));

        assertThat(upload.status()).isEqualTo(202);
        assertThat(BulkFiles.awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        assertThat(BulkFiles.recordCount(admin, sourceId)).isEqualTo(1);
    }

    @Test
    void formulasAreExportedAsTextAndReadBackAsTheyWere() throws Exception {
        Map<String, Object> body = RecordFixtures.body(sourceId, "=cmd|' /C calc'!A0");
        body.put("email", "formula@example.com");
        body.put("firstName", "+1 555");
        body.put("lastName", "-Smith");
        body.put("manager", "@boss");
        body.put("phone", "'0123");
        body.put("data", Map.of("department", "\t=SUM(A1:A9)"));
        ApiResponse created = admin.post("/v3/non-employee-records", body);
        assertThat(created.status()).as(created.text()).isEqualTo(200);

        String exported = admin.get("/v3/non-employee-sources/" + sourceId + "/non-employees/download", "text/csv").text();
        String row = exported.split("\r\n")[1];
        ApiResponse upload = BulkFiles.upload(admin, sourceId, BulkFiles.utf8(exported));

        assertThat(row).startsWith("'=cmd|' /C calc'!A0,'+1 555,'-Smith,''0123,").contains(",'@boss,")
                .endsWith(",'\t=SUM(A1:A9)");
        assertThat(upload.status()).as(upload.text()).isEqualTo(202);
        assertThat(BulkFiles.awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        var record = admin.get("/v3/non-employee-records/" + created.json().get("id").asText()).json();
        assertThat(record.get("accountName").asText()).isEqualTo("=cmd|' /C calc'!A0");
        assertThat(record.get("firstName").asText()).isEqualTo("+1 555");
        assertThat(record.get("lastName").asText()).isEqualTo("-Smith");
        assertThat(record.get("manager").asText()).isEqualTo("@boss");
        assertThat(record.get("phone").asText()).isEqualTo("'0123");
        assertThat(record.get("data").get("department").asText()).isEqualTo("\t=SUM(A1:A9)");
    }

    @Test
    void anEmptySourceExportsTheHeaderOnlyInEveryFamily() {
        for (String path : List.of("/v3/non-employee-sources/", "/v2025/non-employee-sources/", "/non-employee-sources/v1/")) {
            ApiResponse csv = admin.get(path + sourceId + "/non-employees/download", "text/csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.text()).isEqualTo("accountName,firstName,lastName,phone,email,manager,startDate,endDate,department\r\n");
        }
    }

    @Test
    void accountManagersMayExportOthersMayNotAndUnknownSourcesAre404() {
        assertThat(Api.as(port, "manager1").get("/v3/non-employee-sources/" + sourceId + "/non-employees/download",
                "text/csv").status()).isEqualTo(200);
        ApiResponse stranger = Api.as(port, "approver1").get("/v3/non-employee-sources/" + sourceId
                + "/non-employees/download", "text/csv");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.detailCode()).isEqualTo("403 Forbidden");
        assertThat(admin.get("/v3/non-employee-sources/unknown/non-employees/download", "text/csv").status())
                .isEqualTo(404);
    }
}
