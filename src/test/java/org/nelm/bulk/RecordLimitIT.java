package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nelm.record.RecordFixtures;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 20,000 records per source (L2): filled by an import, then parallel creates and a further import. */
@ApiIntegration
class RecordLimitIT {

    @LocalServerPort
    int port;

    @Test
    void parallelWritersCannotPassTwentyThousandRecordsAndTheNextImportIsRefused() throws Exception {
        Api admin = Api.as(port, "admin");
        String sourceId = RecordFixtures.source(admin);
        try {
            assertThat(BulkFiles.upload(admin, sourceId, BulkFiles.rows("full.", 19_998)).status()).isEqualTo(202);
            assertThat(BulkFiles.awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");

            List<Integer> statuses = createInParallel(admin, sourceId, 6);

            assertThat(statuses).filteredOn(status -> status == 200).hasSize(2);
            assertThat(statuses).filteredOn(status -> status == 400).hasSize(4);
            assertThat(BulkFiles.recordCount(admin, sourceId)).isEqualTo(20_000);
            ApiResponse refused = admin.post("/v3/non-employee-records", RecordFixtures.body(sourceId, "number.20001"));
            assertThat(refused.detailCode()).isEqualTo("400.1.4 Limit violation");
            ApiResponse upload = BulkFiles.upload(admin, sourceId, BulkFiles.rows("more.", 1));
            assertThat(upload.status()).isEqualTo(400);
            assertThat(upload.detailCode()).isEqualTo("400.1.4 Limit violation");
            assertThat(BulkFiles.upload(admin, sourceId, BulkFiles.rows("full.", 10)).status())
                    .as("updates of existing accounts still fit").isEqualTo(202);
            assertThat(BulkFiles.awaitEnd(admin, sourceId)).isEqualTo("COMPLETED");
        } finally {
            RecordFixtures.deleteSource(admin, sourceId);
        }
    }

    private static List<Integer> createInParallel(Api admin, String sourceId, int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "parallel." + i;
                results.add(pool.submit(() -> admin.post("/v3/non-employee-records",
                        RecordFixtures.body(sourceId, name)).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
