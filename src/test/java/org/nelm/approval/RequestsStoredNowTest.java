package org.nelm.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.NonEmployee;
import org.nelm.request.RequestRow;
import org.nelm.request.Requests;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RequestsStoredNowTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T12:00:00Z");
    private static final RequestRow REQUEST = new RequestRow("r1", "admin", new NonEmployee("s1", "jane.doe", "Jane",
            "Doe", "jane@example.com", "5125555555", "manager1", Map.of(), NOW, NOW.plusYears(1)), "Contractors",
            ApprovalStatus.PENDING, null, null, null, NOW, NOW);
    private static final ApproverRef FIRST = new ApproverRef(ApproverType.IDENTITY, "approver1");
    private static final ApproverRef SECOND = new ApproverRef(ApproverType.GOVERNANCE_GROUP, "nelm-approvers");

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(RequestsStoredNow.class);
    }

    @Test
    void withinATransaction_theStoredRequestAndItsRoutedApproversAreKnownUntilItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        RequestsStoredNow.stored(REQUEST);
        assertThat(RequestsStoredNow.request("r1")).contains(REQUEST);
        assertThat(RequestsStoredNow.atLevel("r1", 1)).isEmpty();

        RequestsStoredNow.routed("r1", List.of(FIRST, SECOND));
        assertThat(RequestsStoredNow.atLevel("r1", 1)).contains(new Requests.RequestAtLevel(REQUEST, FIRST));
        assertThat(RequestsStoredNow.atLevel("r1", 2)).contains(new Requests.RequestAtLevel(REQUEST, SECOND));
        assertThat(RequestsStoredNow.atLevel("r1", 3)).isEmpty();
        assertThat(RequestsStoredNow.request("other")).isEmpty();

        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        assertThat(RequestsStoredNow.request("r1")).isEmpty();
    }

    @Test
    void outsideATransaction_nothingIsKept() {
        RequestsStoredNow.stored(REQUEST);
        RequestsStoredNow.routed("r1", List.of(FIRST));
        assertThat(RequestsStoredNow.request("r1")).isEmpty();
        assertThat(RequestsStoredNow.atLevel("r1", 1)).isEmpty();
    }
}
