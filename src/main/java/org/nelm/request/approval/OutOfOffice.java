package org.nelm.request.approval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.platform.web.InputText;
import org.nelm.record.NonEmployeeValidator;
import org.nelm.request.ApprovalWorkflow;
import org.nelm.security.Caller;
import org.nelm.security.CurrentCaller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Extension: an approver's out-of-office delegate. Levels routed to the approver that start while the delegation
 * lasts go to the delegate ({@link ApproverSubstitution#asStarting}); the levels already pending move with one
 * call. Each identity manages its own ({@code me}).
 */
@Service
public class OutOfOffice {

    private final ApprovalDelegations delegations;
    private final ApprovalItems items;
    private final ApprovalSteps steps;
    private final ApprovalService approvals;
    private final ApprovalWorkflow workflow;
    private final IdentityDirectory directory;
    private final Clock clock;

    OutOfOffice(ApprovalDelegations delegations, ApprovalItems items, ApprovalSteps steps, ApprovalService approvals,
                ApprovalWorkflow workflow, IdentityDirectory directory, Clock clock) {
        this.delegations = delegations;
        this.items = items;
        this.steps = steps;
        this.approvals = approvals;
        this.workflow = workflow;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ApprovalDelegation get(Caller caller) {
        return delegations.of(CurrentCaller.requireUser(caller).identityId()).orElseThrow(ApiException::notFound);
    }

    /**
     * Sets the caller's delegate for [start, end): an existing identity other than the caller, the end after the
     * start. Replaces the one the caller had.
     */
    @Transactional
    public ApprovalDelegation put(Caller caller, ApprovalDelegationBody body) {
        String identity = CurrentCaller.requireUser(caller).identityId();
        if (body == null || body.delegateId() == null || body.delegateId().isBlank()) {
            throw ApiException.badRequest("delegateId is required");
        }
        String tooLong = InputText.problem("delegateId", body.delegateId(), ApprovalSteps.MAX_IDENTITY_ID);
        if (tooLong != null) {
            throw ApiException.badRequest(tooLong);
        }
        if (body.delegateId().equals(identity)) {
            throw ApiException.badRequest("delegateId must be someone else than the identity itself");
        }
        if (!directory.identityExists(body.delegateId())) {
            throw ApiException.badRequest("delegateId " + InputText.quoted(body.delegateId())
                    + " is not a known identity");
        }
        OffsetDateTime start = dateTime("start", body.start());
        OffsetDateTime end = dateTime("end", body.end());
        if (!end.isAfter(start)) {
            throw ApiException.badRequest("end must be after start");
        }
        String problem = InputText.problem("comment", body.comment(), ApprovalSteps.MAX_COMMENT);
        if (problem != null) {
            throw ApiException.badRequest(problem);
        }
        ApprovalDelegation delegation = new ApprovalDelegation(identity, body.delegateId(), start, end,
                body.comment() == null || body.comment().isBlank() ? null : body.comment());
        delegations.put(delegation, StoredTime.now(clock));
        return delegation;
    }

    @Transactional
    public void remove(Caller caller) {
        if (!delegations.remove(CurrentCaller.requireUser(caller).identityId())) {
            throw ApiException.notFound();
        }
    }

    /**
     * Hands every PENDING item of the caller's own to the delegate, as a reassignment by the caller. An item whose
     * request the delegate may never decide (its requester or the non-employee's manager), or whose review task an
     * operator ended, stays, with the reason.
     */
    @Transactional
    public PendingMoved movePending(Caller caller) {
        ApprovalDelegation delegation = delegations.of(CurrentCaller.requireUser(caller).identityId())
                .orElseThrow(() -> ApiException.badRequest("No delegation is set: set one with PUT "
                        + "/non-employee-approvals/delegation/me first"));
        String delegate = delegation.delegateId();
        List<String> moved = new ArrayList<>();
        List<Map<String, String>> kept = new ArrayList<>();
        for (String id : items.pendingOf(delegation.identityId())) {
            UnderReview level = items.lock(id).orElseThrow();
            String refusal = workflow.taskExists(level.item().taskId())
                    ? steps.handOverRefusal(level, delegate).orElse(null) : "its review task no longer exists";
            if (refusal != null) {
                kept.add(Map.of("id", id, "reason", refusal));
                continue;
            }
            approvals.handOver(level, delegate, delegation.identityId(), "Out of office until " + delegation.end());
            moved.add(id);
        }
        return new PendingMoved(moved, kept);
    }

    private static OffsetDateTime dateTime(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required");
        }
        return NonEmployeeValidator.dateOrBadRequest(field, value);
    }

    /** The items moved to the delegate, and those that stayed (id and reason). */
    public record PendingMoved(List<String> moved, List<Map<String, String>> kept) {
    }
}
