package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.bulk.BulkFiles.HEADER;
import static org.nelm.bulk.BulkFiles.awaitEnd;
import static org.nelm.bulk.BulkFiles.upload;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.platform.error.TryLaterException;
import org.nelm.record.RecordFixtures;
import org.nelm.source.SourcePolicies;
import org.nelm.support.Api;
import org.nelm.support.ApiIntegration;
import org.nelm.support.ApiResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CSV upload's memory and concurrency bounds (docs/security.md, "Input limits and denial of service"). Memory
 * is measured as the bytes all threads allocated while the server handled the upload
 * ({@code com.sun.management.ThreadMXBean}), against a bound far below what reading the file line by line into
 * memory cost: no timing.
 */
@ApiIntegration
class CsvUploadLimitsIT {

    /** A file just under the 20 MB limit. */
    private static final int FILE_SIZE = 20 * 1024 * 1024 - 1024;
    /** Four times the file: the whole file in memory once and then some; the per-line reader allocated ~30 times. */
    private static final long ALLOCATION_BOUND = 4L * FILE_SIZE;
    private static final String ROW = "late.row,Late,Row,1,late.row@example.com,jane.doe,2024-01-01,2030-01-01";

    @LocalServerPort
    int port;

    @Autowired
    UploadSlots slots;

    @Autowired
    BulkImports imports;

    @Autowired
    BulkImportProcess process;

    @Autowired
    SourcePolicies sources;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    String sourceId;

    @BeforeEach
    void source() {
        admin = Api.as(port, "admin");
        sourceId = RecordFixtures.source(admin);
    }

    @AfterEach
    void removeSource() {
        RecordFixtures.deleteSource(admin, sourceId);
    }

    @Test
    void memoryDoesNotGrowWithTheEmptyLinesOfAFile() {
        int newlines = FILE_SIZE - HEADER.length() - ROW.length() - 2;
        byte[] file = (HEADER + "\n" + "\n".repeat(newlines) + ROW + "\n").getBytes(StandardCharsets.US_ASCII);

        Map<Long, Long> before = allocatedByThread();
        ApiResponse dryRun = admin.multipart(uploadPath() + "?dryRun=true", "data", "newlines.csv", file);
        long allocated = allocatedSince(before);

        System.out.printf("CsvUploadLimitsIT: a %,d-byte file of newlines allocated %,d bytes%n", file.length, allocated);
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("rows").get(0).get("line").asInt()).isEqualTo(newlines + 2);
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void aRowOfMillionsOfCommasIsRefusedWithoutHoldingItsValues() {
        byte[] file = (HEADER + "\n" + ",".repeat(FILE_SIZE - HEADER.length() - 2) + "\n")
                .getBytes(StandardCharsets.US_ASCII);

        Map<Long, Long> before = allocatedByThread();
        ApiResponse dryRun = admin.multipart(uploadPath() + "?dryRun=true", "data", "commas.csv", file);
        long allocated = allocatedSince(before);

        System.out.printf("CsvUploadLimitsIT: a %,d-byte row of commas allocated %,d bytes%n", file.length, allocated);
        assertThat(dryRun.status()).isEqualTo(400);
        assertThat(dryRun.detailCode()).isEqualTo("400.1.4 Limit violation");
        assertThat(dryRun.messageText()).isEqualTo("line 2: the row has more than 100000 commas\n");
        assertThat(allocated).isLessThan(ALLOCATION_BOUND);
    }

    @Test
    void aDryRunObeysTheSameLimitsAsAnUpload() throws Exception {
        byte[] file = BulkFiles.rows("limits.", 2);
        try (UploadSlots.Slot checking = takeWhenFree(sourceId)) {
            ApiResponse dryRun = dryRun(file);
            ApiResponse real = upload(admin, sourceId, file);

            for (ApiResponse response : new ApiResponse[] {dryRun, real}) {
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.detailCode()).isEqualTo("400.1.409 Reference conflict");
                assertThat(response.messageText()).contains("A file for this source is being checked right now");
            }
        }
        UploadSlots.Slot first = takeWhenFree("another-source-1");
        UploadSlots.Slot second = takeWhenFree("another-source-2");
        try {
            ApiResponse dryRun = dryRun(file);
            ApiResponse real = upload(admin, sourceId, file);

            for (ApiResponse response : new ApiResponse[] {dryRun, real}) {
                assertThat(response.status()).isEqualTo(429);
                assertThat(response.header("Retry-After")).isEqualTo("5");
                assertThat(response.json().get("message").asText()).contains("try again in a few seconds");
            }
        } finally {
            first.close();
            second.close();
        }
        BulkJob pending = BulkFiles.submit(imports, sources.find(sourceId).orElseThrow(), "pending.csv", file).job();
        ApiResponse whilePending = dryRun(file);
        assertThat(whilePending.status()).isEqualTo(400);
        assertThat(whilePending.messageText()).contains("already PENDING");
        process.start(pending.id(), "admin");
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        assertThat(dryRun(file).status()).isEqualTo(200);
    }

    @Test
    void theStoredFileIsEmptiedOnceItsJobHasEnded() throws Exception {
        ApiResponse accepted = upload(admin, sourceId, BulkFiles.rows("stored.", 3));
        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.json().get("id").asText();

        assertThat(awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");

        byte[] stored = jdbc.sql("select file_data from nelm_bulk_job where id = :id").param("id", jobId)
                .query((rs, row) -> rs.getBytes(1)).single();
        assertThat(stored).isEmpty();
        JsonNode results = admin.get(uploadPath() + "/" + jobId + "/results").json();
        assertThat(results.get("created").asInt()).isEqualTo(3);
    }

    @Test
    void datesAtTheEdgeOfTheRangeAreRowProblemsInDryRunsAndImports() throws Exception {
        String csv = HEADER + "\n"
                + "edge,E,Dge,1,edge@example.com,m,2020-01-01,+999999999-12-31T23:59:59-18:00\n"
                + "late,L,Ate,1,late@example.com,m,2020-01-01,9999-12-31T23:59:59-18:00\n"
                + "early,E,Arly,1,early@example.com,m,-999999999-01-01T00:00:00+18:00,2020-01-01\n"
                + "fine,F,Ine,1,fine@example.com,m,0001-01-01T00:00:00Z,9999-12-31T23:59:59Z\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        ApiResponse dryRun = dryRun(file);
        ApiResponse real = upload(admin, sourceId, file);

        String range = "must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z";
        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("failed").asInt()).isEqualTo(3);
        assertThat(dryRun.json().get("created").asInt()).isEqualTo(1);
        for (int row = 0; row < 3; row++) {
            assertThat(dryRun.json().get("rows").get(row).get("reasons").get(0).asText()).endsWith(range);
        }
        assertThat(real.status()).isEqualTo(202);
        assertThat(awaitEnd(admin, sourceId)).isEqualTo("ERROR");
        assertThat(BulkFiles.recordCount(admin, sourceId)).isEqualTo(1);
        JsonNode record = admin.get("/v3/non-employee-records?filters="
                + Api.encode("sourceId eq \"" + sourceId + "\"")).json().get(0);
        assertThat(record.get("startDate").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(record.get("endDate").asText()).isEqualTo("9999-12-31T23:59:59Z");
    }

    private ApiResponse dryRun(byte[] file) {
        return admin.multipart(uploadPath() + "?dryRun=true", "data", "dry.csv", file);
    }

    private String uploadPath() {
        return "/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload";
    }

    /** A slot as soon as earlier tests' imports have given theirs back. */
    private UploadSlots.Slot takeWhenFree(String source) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            try {
                return slots.take(source);
            } catch (TryLaterException busy) {
                if (System.currentTimeMillis() > deadline) {
                    throw busy;
                }
                Thread.sleep(50);
            }
        }
    }

    /** Bytes allocated so far by each live thread of the JVM (the server's request threads among them). */
    private static Map<Long, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> allocated = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            allocated.put(ids[i], bytes[i]);
        }
        return allocated;
    }

    /** What all threads allocated since {@code before}; threads started since then count from zero. */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : allocatedByThread().entrySet()) {
            if (thread.getValue() > 0) {
                total += Math.max(0, thread.getValue() - before.getOrDefault(thread.getKey(), 0L));
            }
        }
        return total;
    }
}
