package org.nelm.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import settings ({@code nelm.bulk.*}).
 *
 * @param batchSize        rows written per transaction; a crash loses at most the batch in flight
 * @param maxFileSize      largest accepted CSV (20,000 rows of typical data are about 3 MB)
 * @param maxParallelFiles how many uploaded files (uploads and dry runs) one node holds and checks at once
 * @param handoffWait      how long an upload's checked rows wait for its import to run on this node before their
 *                         slot may go to another file (the import then reads the stored file)
 */
@ConfigurationProperties("nelm.bulk")
record BulkProperties(@DefaultValue("5000") int batchSize,
                      @DefaultValue("20MB") DataSize maxFileSize,
                      @DefaultValue("2") int maxParallelFiles,
                      @DefaultValue("10s") Duration handoffWait) {
}
