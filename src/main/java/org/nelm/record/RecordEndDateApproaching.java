package org.nelm.record;

import java.time.Instant;
import java.util.List;
import org.nelm.platform.event.DomainEvent;

/**
 * Records of source {@code subject} end soon and were not reminded for their current end date yet: one event per
 * source and reminder run, for the source's account managers ({@code accountManagerIds}, identity ids).
 */
public record RecordEndDateApproaching(String subject, String actor, Instant occurredAt, String sourceName,
                                       List<String> accountManagerIds, List<Due> records) implements DomainEvent {

    @Override
    public String type() {
        return "org.nelm.record.end-date-approaching";
    }

    /** A record whose end date comes soon. */
    public record Due(String recordId, String accountName, String firstName, String lastName, Instant endDate) {
    }
}
