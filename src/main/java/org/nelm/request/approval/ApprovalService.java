package org.nelm.request.approval;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.SqlFragment;
import org.nelm.platform.query.SqlQueryBuilder;
import org.nelm.record.NonEmployee;
import org.nelm.request.RequestRow;
import org.nelm.request.Requests;
import org.nelm.security.Caller;
import org.nelm.security.CurrentCaller;
import org.nelm.security.RoleContext;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.nelm.request.ApprovalWorkflow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approvals API. Deciding an item completes its task in the process; the item itself is updated by the
 * process (ApprovalSteps), so the API and Tasklist give the same result.
 */
@Service
public class ApprovalService {

    private final ApprovalItems items;
    private final ApprovalQueue queue;
    private final Requests requests;
    private final SourcePolicies sources;
    private final IdentityDirectory directory;
    private final ApprovalWorkflow workflow;
    private final DecisionRights rights;
    private final ApprovalSteps steps;

    ApprovalService(ApprovalItems items, ApprovalQueue queue, Requests requests, SourcePolicies sources,
                    IdentityDirectory directory, ApprovalWorkflow workflow, DecisionRights rights,
                    ApprovalSteps steps) {
        this.rights = rights;
        this.steps = steps;
        this.items = items;
        this.queue = queue;
        this.requests = requests;
        this.sources = sources;
        this.directory = directory;
        this.workflow = workflow;
    }

    /** Items assigned to the approver (default: the caller); naming someone else needs idn:nesr:read. */
    @Transactional(readOnly = true)
    public ApprovalPage list(Caller caller, String requestedFor, CollectionQuery query) {
        String approver = caller.requestedIdentity(requestedFor == null || requestedFor.isBlank() ? "me" : requestedFor);
        Set<String> groups = directory.groupsOf(approver);
        SqlFragment filter = SqlQueryBuilder.where(query.filter(), ApprovalQueries.SPEC);
        List<NonEmployeeApprovalItem> page = queue.page(approver, groups, filter,
                        SqlQueryBuilder.orderBy(query.sorters(), ApprovalQueries.SPEC), SqlQueryBuilder.limitOffset(query))
                .stream()
                .map(entry -> item(entry.item(), entry.accountName(),
                        lite(entry.item().requestId(), entry.requesterId()), null))
                .toList();
        return new ApprovalPage(page, query.count() ? queue.count(approver, groups, filter) : null);
    }

    /** idn:nesr:read or the item's approver; userAuth only. */
    @Transactional(readOnly = true)
    public NonEmployeeApprovalItem get(Caller caller, String id, boolean includeDetail) {
        CurrentCaller.requireUser(caller);
        ApprovalItemRow item = items.find(id).orElseThrow(ApiException::notFound);
        if (!caller.has(RoleContext.NESR_READ)
                && !(caller.identityId() != null && rights.isRoutedApprover(caller.identityId(), item.approver()))) {
            throw ApiException.forbidden();
        }
        RequestRow request = requests.find(item.requestId()).orElseThrow(ApiException::notFound);
        String accountName = request.nonEmployee().accountName();
        return includeDetail ? item(item, accountName, detail(request), item.routingJson(),
                items.reassignments(List.of(id)).get(id))
                : item(item, accountName, lite(request.id(), request.requesterId()), null);
    }

    /**
     * Only who may decide the item ({@link DecisionRights}: its routed approver, never the requester) decides it,
     * and only while it is PENDING. The process step that records the decision checks the same again, as it does
     * for a decision through Tasklist or engine REST.
     */
    @Transactional
    public NonEmployeeApprovalItem decide(Caller caller, String id, ApprovalStatus decision, String comment) {
        CurrentCaller.requireUser(caller);
        UnderReview level = items.lock(id).orElseThrow(ApiException::notFound);
        ApprovalItemRow item = level.item();
        rights.check(caller.identityId(), level);
        if (item.status() != ApprovalStatus.PENDING) {
            throw item.status() == ApprovalStatus.NOT_READY
                    ? ApiException.badRequest("The approval item is NOT_READY: an earlier level has not decided yet")
                    : ApprovalSteps.alreadyDecided();
        }
        ApprovalSteps.checkComment(decision, comment);
        workflow.decide(item.taskId(), decision, comment, caller.identityId());
        ApprovalQueue.Entry decided = queue.entry(id).orElseThrow();
        return item(decided.item(), decided.accountName(),
                lite(decided.item().requestId(), decided.requesterId()), null);
    }

    /**
     * Extension: the PENDING item goes to another identity ({@link ApprovalSteps#reassign} holds the rule), and
     * the engine's task with it, in one transaction; the task listener then sees the new assignee as the item's
     * approver. Answers the item as it is now.
     */
    @Transactional
    public NonEmployeeApprovalItem reassign(Caller caller, String id, String identityId, String comment) {
        CurrentCaller.requireUser(caller);
        handOver(items.lock(id).orElseThrow(ApiException::notFound), identityId, caller.identityId(), comment);
        ApprovalQueue.Entry now = queue.entry(id).orElseThrow();
        return item(now.item(), now.accountName(), lite(now.item().requestId(), now.requesterId()), null);
    }

    /** The level goes to the identity: our rows first, so the task listener sees the new assignee as its approver. */
    void handOver(UnderReview level, String to, String actor, String comment) {
        steps.reassign(level, to, actor, comment);
        workflow.reassign(level.item().taskId(), to);
    }

    @Transactional(readOnly = true)
    public NonEmployeeApprovalSummary summary(Caller caller, String requestedFor) {
        String approver = caller.requestedIdentity(requestedFor);
        Map<ApprovalStatus, Long> counts = queue.countByStatus(approver, directory.groupsOf(approver));
        return new NonEmployeeApprovalSummary(counts.getOrDefault(ApprovalStatus.APPROVED, 0L),
                counts.getOrDefault(ApprovalStatus.PENDING, 0L), counts.getOrDefault(ApprovalStatus.REJECTED, 0L));
    }


    private static NonEmployeeApprovalItem item(ApprovalItemRow item, String accountName, Object request,
                                                String routing) {
        return item(item, accountName, request, routing, null);
    }

    private static NonEmployeeApprovalItem item(ApprovalItemRow item, String accountName, Object request,
                                                String routing, List<Reassignment> reassignments) {
        return new NonEmployeeApprovalItem(item.id(), NonEmployeeIdentityReferenceWithId.of(item.approver()),
                accountName, item.status(), item.approvalOrder(), item.comment(), item.modified(), item.created(),
                request, routing, reassignments);
    }

    private static NonEmployeeRequestLite lite(String requestId, String requesterId) {
        return new NonEmployeeRequestLite(requestId, NonEmployeeIdentityReferenceWithId.identity(requesterId));
    }

    private NonEmployeeRequestWithoutApprovalItem detail(RequestRow request) {
        NonEmployee ne = request.nonEmployee();
        SourcePolicy source = sources.find(request.sourceId()).orElseThrow(ApiException::notFound);
        var sourceView = new NonEmployeeRequestWithoutApprovalItem.NonEmployeeSourceLiteWithSchemaAttributes(
                source.id(), source.sourceId(), source.name(), source.description(),
                source.attributes().stream().map(a -> new NonEmployeeRequestWithoutApprovalItem.SchemaAttribute(
                        a.id(), a.system(), a.type(), a.label(), a.technicalName(), a.required())).toList());
        return new NonEmployeeRequestWithoutApprovalItem(request.id(),
                NonEmployeeIdentityReferenceWithId.identity(request.requesterId()), ne.accountName(), ne.firstName(),
                ne.lastName(), ne.email(), ne.phone(), ne.manager(), sourceView, ne.data(), request.status(),
                request.comment(), request.completionDate(), ne.startDate().toLocalDate(), ne.endDate().toLocalDate(),
                request.modified(), request.created());
    }

    /** One page of approval items and, when asked for, the total count. */
    public record ApprovalPage(List<NonEmployeeApprovalItem> items, Long total) {
    }
}
