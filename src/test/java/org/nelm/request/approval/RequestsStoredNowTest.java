package org.nelm.request.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.NonEmployee;
import org.nelm.request.RequestRow;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class RequestsStoredNowTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T12:00:00Z");
    private static final RequestRow REQUEST = new RequestRow("r1", "admin", new NonEmployee("s1", "jane.doe", "Jane",
            "Doe", "jane@example.com", "5125555555", "manager1", Map.of(), NOW, NOW.plusYears(1)), "Contractors",
            ApprovalStatus.PENDING, null, null, null, NOW, NOW);

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(RequestsStoredNow.class);
    }

    @Test
    void withinATransaction_theStoredRequestIsKnownUntilItEnds() {
        TransactionSynchronizationManager.initSynchronization();
        RequestsStoredNow.stored(REQUEST);
        assertThat(RequestsStoredNow.request("r1")).contains(REQUEST);
        assertThat(RequestsStoredNow.request("other")).isEmpty();

        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        assertThat(RequestsStoredNow.request("r1")).isEmpty();
    }

    @Test
    void outsideATransaction_nothingIsKept() {
        RequestsStoredNow.stored(REQUEST);
        assertThat(RequestsStoredNow.request("r1")).isEmpty();
    }
}
