package org.nelm.request.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.request.RequestService;
import org.nelm.security.Caller;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.nelm.support.EngineStepByStep;
import org.nelm.support.TestCallers;
import org.nelm.workflow.ProcessTestSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routed levels are written once, as their first level starts or before commit (see ApprovalItems): whatever
 * happens in the transaction, every read sees them and the table ends up with them.
 */
@EngineStepByStep
class ApprovalItemsTest {

    /** Every level keeps its routed approver. */
    private static final UnaryOperator<ApprovalItemRow> AS_ROUTED = UnaryOperator.identity();

    private static final Caller ADMIN = TestCallers.ADMIN;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 123456000, ZoneOffset.UTC);
    private static final List<RoutedLevel> TWO_LEVELS = List.of(
            new RoutedLevel(new ApproverRef(ApproverType.IDENTITY, "approver1"), "{\"why\":1}"),
            new RoutedLevel(new ApproverRef(ApproverType.GOVERNANCE_GROUP, "nelm-approvers"), null));

    @Autowired ApprovalItems items;
    @Autowired RequestService requests;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private TransactionTemplate transaction;
    private String requestId;

    /** A request of a source without approvers: it has no items of its own. */
    @BeforeEach
    void setUp() {
        transaction = new TransactionTemplate(transactions);
        String sourceId = new ProcessTestSources(jdbc).create("items-" + UUID.randomUUID(), List.of());
        String accountName = "items-" + UUID.randomUUID();
        requestId = requests.create(ADMIN, new NonEmployeeRequestBody(accountName, "William", "Smith",
                "william@example.com", "5125555555", "manager1", sourceId, null, "2030-03-24T00:00:00Z",
                "2031-03-25T00:00:00Z")).id();
    }

    @Test
    void routedAndNeverStarted_areWrittenBeforeCommit_andReadsInTheTransactionSeeThem() {
        List<ApprovalItemRow> seen = transaction.execute(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            return items.ofRequest(requestId);
        });

        assertThat(seen).extracting(ApprovalItemRow::status)
                .containsExactly(ApprovalStatus.NOT_READY, ApprovalStatus.NOT_READY);
        assertThat(items.ofRequest(requestId)).isEqualTo(seen);
    }

    @Test
    void routedThenNotStarted_stillReachTheTableAtCommit() {
        transaction.executeWithoutResult(status -> items.insert(requestId, TWO_LEVELS, NOW));

        assertThat(items.ofRequest(requestId)).extracting(ApprovalItemRow::approvalOrder, ApprovalItemRow::status,
                        ApprovalItemRow::routingJson, ApprovalItemRow::created)
                .containsExactly(tuple(1, ApprovalStatus.NOT_READY, "{\"why\":1}", NOW),
                        tuple(2, ApprovalStatus.NOT_READY, null, NOW));
    }

    @Test
    void firstLevelStarted_isWrittenPendingWithItsTask_exactlyAsTheTransactionKnowsThem() {
        OffsetDateTime started = NOW.plusSeconds(1);
        List<ApprovalItemRow> known = transaction.execute(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            assertThat(items.startNext(requestId, "task-1", started, AS_ROUTED).orElseThrow().item()
                    .approvalOrder()).isEqualTo(1);
            return items.routedNow(requestId).orElseThrow();
        });

        assertThat(known).extracting(ApprovalItemRow::status, ApprovalItemRow::taskId)
                .containsExactly(tuple(ApprovalStatus.PENDING, "task-1"),
                        tuple(ApprovalStatus.NOT_READY, null));
        assertThat(items.ofRequest(requestId)).isEqualTo(known);
    }

    @Test
    void laterLevels_startInOrder_aRestartedReviewTakesOverItsLevel_andNothingIsLeftAfterTheLast() {
        transaction.executeWithoutResult(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            items.startNext(requestId, "task-1", NOW, AS_ROUTED);
        });
        ApprovalItemRow first = items.ofRequest(requestId).get(0);

        assertThat(transaction.execute(status -> items.startNext(requestId, "task-1b", NOW, AS_ROUTED)).orElseThrow().item())
                .as("a second task while level 1 is PENDING takes it over")
                .extracting(ApprovalItemRow::approvalOrder, ApprovalItemRow::taskId).containsExactly(1, "task-1b");
        assertThat(items.ofTask("task-1")).as("the first task no longer reviews anything").isEmpty();
        transaction.executeWithoutResult(status -> assertThat(items.decide(items.ofTask("task-1b").orElseThrow().item(),
                ApprovalStatus.APPROVED, null, "approver1", NOW)).isTrue());
        assertThat(transaction.execute(status -> items.startNext(requestId, "task-2", NOW, AS_ROUTED)).orElseThrow().item()
                .approvalOrder()).isEqualTo(2);
        transaction.executeWithoutResult(status -> items.decide(items.ofTask("task-2").orElseThrow().item(),
                ApprovalStatus.APPROVED, null, "approver2", NOW));

        Optional<ApprovalItems.LevelStart> afterTheLast = transaction.execute(status -> items.startNext(requestId,
                "task-3", NOW, AS_ROUTED));
        assertThat(afterTheLast).isEmpty();
        assertThat(items.ofRequest(requestId)).extracting(ApprovalItemRow::status)
                .containsExactly(ApprovalStatus.APPROVED, ApprovalStatus.APPROVED);
        assertThat(first.taskId()).isEqualTo("task-1");
    }

    @Test
    void aChangeAfterTheStart_goesToTheTable_andTheTransactionNoLongerAnswersFromWhatItWrote() {
        Boolean answeredFromMemory = transaction.execute(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            items.startNext(requestId, "task-1", NOW, AS_ROUTED);
            items.cancelUndecided(requestId, NOW.plusSeconds(2));
            return items.routedNow(requestId).isPresent();
        });

        assertThat(answeredFromMemory).isFalse();
        assertThat(items.ofRequest(requestId)).extracting(ApprovalItemRow::status)
                .containsOnly(ApprovalStatus.CANCELLED);
    }

    @Test
    void withoutTheWriteBehind_theSameLevelsAreStored() {
        ApprovalItems plain = new ApprovalItems(jdbc, false);
        String otherRequest = requests.create(ADMIN, new NonEmployeeRequestBody("items-" + UUID.randomUUID(), "William",
                "Smith", "william@example.com", "5125555555", "manager1", new ProcessTestSources(jdbc).create(
                        "items-" + UUID.randomUUID(), List.of()), null, "2030-03-24T00:00:00Z", "2031-03-25T00:00:00Z")).id();
        transaction.executeWithoutResult(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            items.startNext(requestId, "task-1", NOW, AS_ROUTED);
        });
        transaction.executeWithoutResult(status -> {
            plain.insert(otherRequest, TWO_LEVELS, NOW);
            plain.startNext(otherRequest, "task-1", NOW, AS_ROUTED);
        });

        assertThat(plain.ofRequest(otherRequest)).extracting(ApprovalItemRow::approvalOrder, ApprovalItemRow::status,
                        ApprovalItemRow::taskId, ApprovalItemRow::approver, ApprovalItemRow::routingJson)
                .isEqualTo(items.ofRequest(requestId).stream().map(item -> tuple(item.approvalOrder(), item.status(),
                        item.taskId(), item.approver(), item.routingJson())).toList());
    }

    @Test
    void aRolledBackTransaction_writesNothing() {
        transaction.executeWithoutResult(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            items.startNext(requestId, "task-1", NOW, AS_ROUTED);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            items.insert(requestId, TWO_LEVELS, NOW);
            status.setRollbackOnly();
        });

        assertThat(items.ofRequest(requestId)).isEmpty();
    }
}
