package org.nelm.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time written into our tables: UTC, in whole microseconds, which is what both databases keep. A value
 * returned right after a write is then exactly what a later read returns.
 */
public final class StoredTime {

    private StoredTime() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
