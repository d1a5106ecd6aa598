package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.nelm.source.SourcePolicy;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.springframework.core.io.ByteArrayResource;

/** CSV files and job polling for the import tests. */
final class BulkFiles {

    static final String HEADER = "accountName,firstName,lastName,phone,email,manager,startDate,endDate";

    private BulkFiles() {
    }

    /** A header and {@code count} valid rows named prefix0, prefix1, ... */
    static byte[] rows(String prefix, int count) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (int i = 0; i < count; i++) {
            csv.append(prefix).append(i).append(",First").append(i).append(",Last").append(i).append(",555-")
                    .append(i).append(',').append(prefix).append(i).append("@example.com,jane.doe,")
                    .append("2024-01-01T00:00:00Z,2031-12-31T00:00:00Z\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Stores the file as an upload would, without HTTP and without starting its import: the job stays PENDING. */
    static BulkImports.SubmittedJob submit(BulkImports imports, SourcePolicy source, String fileName, byte[] csv) {
        return imports.store(source, fileName, csv.length, new ByteArrayResource(csv));
    }

    static byte[] utf8(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    static ApiResponse upload(Api api, String sourceId, byte[] csv) {
        return api.multipart("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload", "data", "upload.csv", csv);
    }

    /** Polls the status endpoint until the newest job has ended; returns its final status. */
    static String awaitEnd(Api api, String sourceId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            ApiResponse status = api.get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/status");
            assertThat(status.status()).isEqualTo(200);
            String value = status.json().path("status").asText();
            if (value.equals("COMPLETED") || value.equals("ERROR")) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import of source " + sourceId + " did not end within 2 minutes");
    }

    static long recordCount(Api api, String sourceId) {
        ApiResponse page = api.get("/v3/non-employee-records?limit=1&count=true&filters="
                + Api.encode("sourceId eq \"" + sourceId + "\""));
        assertThat(page.status()).isEqualTo(200);
        return Long.parseLong(page.header("X-Total-Count"));
    }
}
