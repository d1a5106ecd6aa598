package org.nelm.request;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nelm.request.approval.ApprovalItemRow;
import org.nelm.request.approval.ApprovalItems;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.request.approval.ApprovalSteps;
import org.nelm.request.approval.NonEmployeeApprovalItemBase;
import org.nelm.request.approval.NonEmployeeIdentityReferenceWithId;
import org.nelm.request.approval.Reassignment;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.SqlFragment;
import org.nelm.platform.query.SqlQueryBuilder;
import org.nelm.record.NonEmployee;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.record.NonEmployeeValidator;
import org.nelm.record.RecordService;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.nelm.source.SourceDeleting;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Requests for new non-employees. Creating one stores it and starts its approval process in one transaction;
 * everything after that (levels, decisions, the record) is done by the process, see ApprovalSteps.
 */
@Service
public class RequestService {

    private final Requests requests;
    private final ApprovalItems items;
    private final ApprovalSteps steps;
    private final SourcePolicies sources;
    private final NonEmployeeValidator validator;
    private final RecordService records;
    private final ApprovalWorkflow workflow;
    private final Clock clock;

    RequestService(Requests requests, ApprovalItems items, ApprovalSteps steps, SourcePolicies sources,
                   NonEmployeeValidator validator, RecordService records, ApprovalWorkflow workflow, Clock clock) {
        this.requests = requests;
        this.items = items;
        this.steps = steps;
        this.sources = sources;
        this.validator = validator;
        this.records = records;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * Who may ask: idn:nesr:create, the source's owner or one of its account managers. The accountName must be
     * free among the source's records and open requests. No source-wide lock: two parallel requests for one
     * name are told apart by the unique index on open requests, and a source deleted meanwhile by the foreign
     * key (its delete locks the source row first and then withdraws the pending requests it sees).
     */
    @Transactional
    public NonEmployeeRequest create(Caller caller, NonEmployeeRequestBody body) {
        SourcePolicy source = body.sourceId() == null || body.sourceId().isBlank() ? null
                : sources.find(body.sourceId()).orElse(null);
        boolean related = source != null && (source.isOwner(caller.identityId())
                || source.isAccountManager(caller.identityId()));
        if (!caller.has(RoleContext.NESR_CREATE) && !related) {
            throw ApiException.forbidden();
        }
        NonEmployee nonEmployee = validator.validate(body, source);
        // a parallel or earlier open request for the name is refused by the unique index on open requests below
        records.checkRoomFor(source.id(), nonEmployee.accountName());
        String id = UUID.randomUUID().toString();
        String requester = caller.hasIdentity() ? caller.identityId() : caller.clientId();
        OffsetDateTime now = now();
        try {
            requests.insert(id, requester, nonEmployee, now);
        } catch (DuplicateKeyException parallelRequestForTheSameName) {
            throw RecordService.accountNameConflict(nonEmployee.accountName());
        } catch (DataIntegrityViolationException sourceDeletedMeanwhile) {
            throw ApiException.badRequest(NonEmployeeValidator.unknownSource(source.id()));
        }
        RequestRow stored = new RequestRow(id, requester, nonEmployee, source.name(), ApprovalStatus.PENDING,
                null, null, null, now, now);
        steps.stored(stored);
        workflow.start(id, source, nonEmployee.data());
        // the process's first steps route and start level 1 but leave the request as stored
        return view(stored, source, items.routedNow(id).orElseGet(() -> items.ofRequest(id)), null);
    }

    /**
     * The levels a create with this body would run, and why each approver: the create itself (same rights, same
     * validation, same routing and substitutions) in a transaction that is rolled back, so nothing is stored,
     * no event is published and no mail goes out.
     */
    @Transactional
    public RoutePreview preview(Caller caller, NonEmployeeRequestBody body) {
        NonEmployeeRequest wouldBe = create(caller, body);
        List<RoutePreview.Level> levels = steps.levelsAsTheyWouldRun(wouldBe.id()).stream()
                .map(item -> new RoutePreview.Level(item.approvalOrder(),
                        NonEmployeeIdentityReferenceWithId.of(item.approver()), item.routingJson()))
                .toList();
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new RoutePreview(wouldBe.sourceId(), levels);
    }

    /** idn:nesr:read, the requester, or an owner / account manager of the request's source. */
    @Transactional(readOnly = true)
    public NonEmployeeRequest get(Caller caller, String id) {
        RequestRow request = requests.find(id).orElseThrow(ApiException::notFound);
        SourcePolicy source = source(request);
        boolean related = caller.hasIdentity() && (caller.identityId().equals(request.requesterId())
                || source.isAccountManager(caller.identityId()) || source.isOwner(caller.identityId()));
        if (!caller.has(RoleContext.NESR_READ) && !related) {
            throw ApiException.forbidden();
        }
        return view(request, source);
    }

    /**
     * The requests of the sources the identity manages, and those it made. Naming another identity than
     * oneself needs idn:nesr:read.
     */
    @Transactional(readOnly = true)
    public RequestPage list(Caller caller, String requestedFor, CollectionQuery query) {
        SqlFragment visible = Requests.visibleTo(caller.requestedIdentity(requestedFor), managed(caller, requestedFor));
        SqlFragment filter = SqlQueryBuilder.where(query.filter(), RequestQueries.SPEC);
        List<RequestRow> page = requests.page(visible, filter, SqlQueryBuilder.orderBy(query.sorters(),
                RequestQueries.SPEC), SqlQueryBuilder.limitOffset(query));
        Long total = query.count() ? requests.count(visible, filter) : null;
        return new RequestPage(views(page), total);
    }

    @Transactional(readOnly = true)
    public NonEmployeeRequestSummary summary(Caller caller, String requestedFor) {
        String identity = caller.requestedIdentity(requestedFor);
        List<String> managed = sources.managedBy(identity);
        Map<ApprovalStatus, Long> counts = requests.countByStatus(Requests.visibleTo(identity, managed));
        return new NonEmployeeRequestSummary(counts.getOrDefault(ApprovalStatus.APPROVED, 0L),
                counts.getOrDefault(ApprovalStatus.REJECTED, 0L), counts.getOrDefault(ApprovalStatus.PENDING, 0L),
                records.countBySources(managed));
    }

    /**
     * A PENDING request is withdrawn by its requester or with idn:nesr:delete: its process ends, undecided items
     * and the request become CANCELLED and stay visible. A request that already ended is removed with its items,
     * which needs idn:nesr:delete (contract: "Delete non-employee request", role idn:nesr:delete); its requester
     * may not erase a decision.
     */
    @Transactional
    public void delete(Caller caller, String id) {
        RequestRow request = requests.lock(id).orElseThrow(ApiException::notFound);
        boolean requester = caller.hasIdentity() && caller.identityId().equals(request.requesterId());
        boolean pending = request.status() == ApprovalStatus.PENDING;
        if (!caller.has(RoleContext.NESR_DELETE) && !(pending && requester)) {
            throw ApiException.forbidden();
        }
        if (pending) {
            steps.cancel(id, null, caller.actor());
            workflow.cancel(id, "Request withdrawn by " + caller.clientId());
        } else {
            requests.delete(id);
        }
    }

    /**
     * A source is being deleted (its rows go right after, in the same transaction): its pending processes are
     * ended and its requests removed, since a request cannot outlive its source (foreign key, and the contract
     * embeds the source in every request). Camunda's history keeps the process instances.
     */
    @EventListener
    public void onSourceDeleting(SourceDeleting event) {
        for (String id : requests.ofSource(event.sourceId(), ApprovalStatus.PENDING)) {
            workflow.cancel(id, "Source deleted");
        }
        requests.deleteOfSource(event.sourceId());
    }


    private List<String> managed(Caller caller, String requestedFor) {
        return sources.managedBy(caller.requestedIdentity(requestedFor));
    }

    private List<NonEmployeeRequest> views(List<RequestRow> rows) {
        Map<String, List<ApprovalItemRow>> itemsByRequest = items.ofRequests(rows.stream().map(RequestRow::id).toList());
        Map<String, SourcePolicy> sourceCache = new HashMap<>();
        return rows.stream().map(row -> view(row,
                        sourceCache.computeIfAbsent(row.sourceId(), sid -> source(row)),
                        itemsByRequest.getOrDefault(row.id(), List.of()), null))
                .toList();
    }

    /** The request as fetched by id: each item with its reassignments. */
    private NonEmployeeRequest view(RequestRow request, SourcePolicy source) {
        List<ApprovalItemRow> levelItems = items.ofRequest(request.id());
        return view(request, source, levelItems,
                items.reassignments(levelItems.stream().map(ApprovalItemRow::id).toList()));
    }

    /** {@code reassignments} by item id, or null where the view shows none. */
    private static NonEmployeeRequest view(RequestRow request, SourcePolicy source, List<ApprovalItemRow> levelItems,
                                           Map<String, List<Reassignment>> reassignments) {
        NonEmployee ne = request.nonEmployee();
        return new NonEmployeeRequest(request.id(), source.id(), source.name(), source.description(),
                ne.accountName(), ne.firstName(), ne.lastName(), ne.email(), ne.phone(), ne.manager(),
                new NonEmployeeSourceLite(source.id(), source.sourceId(), source.name(), source.description()),
                ne.data(), levelItems.stream().map(item -> NonEmployeeApprovalItemBase.of(item, ne.accountName(),
                        reassignments == null ? null : reassignments.get(item.id()))).toList(),
                request.status(), request.comment(), request.completionDate(), ne.startDate(), ne.endDate(),
                request.modified(), request.created());
    }

    private SourcePolicy source(RequestRow request) {
        return sources.find(request.sourceId())
                .orElseThrow(() -> new IllegalStateException("Source of request " + request.id() + " is gone"));
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }

    /** One page of requests and, when asked for, the total count. */
    public record RequestPage(List<NonEmployeeRequest> items, Long total) {
    }
}
