package org.nelm.bulk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bulk import settings ({@code nelm.bulk.*}).
 *
 * @param batchSize    rows written per transaction; a crash loses at most the batch in flight
 * @param maxFileSize  largest accepted CSV (20,000 rows of typical data are about 3 MB)
 * @param staleAfter   a running job whose heart has not beaten for this long is taken over (its node died)
 * @param pollInterval how often each node looks for jobs nobody works on
 * @param maxParallelFiles how many uploaded files (uploads and dry runs) one node holds and checks at once
 */
@ConfigurationProperties("nelm.bulk")
record BulkProperties(@DefaultValue("5000") int batchSize,
                      @DefaultValue("20MB") DataSize maxFileSize,
                      @DefaultValue("30s") Duration staleAfter,
                      @DefaultValue("10s") Duration pollInterval,
                      @DefaultValue("2") int maxParallelFiles) {

    /** A node beats three times per stale-after: one late beat (a pause, a slow statement) costs it no job. */
    Duration heartbeatInterval() {
        return staleAfter.dividedBy(3);
    }
}
