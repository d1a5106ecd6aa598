package org.nelm.request.approval;

import java.time.OffsetDateTime;

/**
 * Extension: an identity's out-of-office delegate. Levels routed to {@code identityId} that start in
 * [{@code start}, {@code end}) go to {@code delegateId}.
 */
public record ApprovalDelegation(String identityId, String delegateId, OffsetDateTime start, OffsetDateTime end,
                                 String comment) {

    boolean coversThe(OffsetDateTime moment) {
        return !moment.isBefore(start) && moment.isBefore(end);
    }
}
