package org.nelm.bulk;

import java.time.Instant;
import org.nelm.platform.event.DomainEvent;

/**
 * An import ended: {@code COMPLETED} (every row written) or {@code ERROR} (rows refused, or the import failed and
 * became an incident). The counts are those of the committed batches. Published in the transaction that marks the
 * job ended, once per end (an import retried from Cockpit after an incident ends again).
 *
 * @param subject the upload job's id
 * @param actor   the identity (or, for an application client, the client) that uploaded the file
 */
public record BulkImportFinished(String subject, String actor, Instant occurredAt, String sourceId, String status,
                                 int created, int updated, int failed) implements DomainEvent {

    public static final String TYPE = "org.nelm.bulk-import.finished";

    @Override
    public String type() {
        return TYPE;
    }
}
