package org.nelm.request.approval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.InputText;
import org.nelm.record.NonEmployeeRecord;
import org.nelm.record.RecordService;
import org.nelm.request.ApprovalDecided;
import org.nelm.request.ApprovalLevelStarted;
import org.nelm.request.ApprovalReassigned;
import org.nelm.request.RequestApproved;
import org.nelm.request.RequestCancelled;
import org.nelm.request.RequestRejected;
import org.nelm.request.RequestRow;
import org.nelm.request.RequestSubmitted;
import org.nelm.request.Requests;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.security.RoleContext;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of the approval process does to our data. The engine adapter calls these from the process
 * (delegates and task listeners), so a decision taken in Tasklist and one taken through the API run the same
 * code in the same transaction as the task completion. Each step publishes what it changed as a domain event
 * ({@code org.nelm.request.*}) in that transaction; mail and any other listener get it after commit.
 */
@Service
public class ApprovalSteps {

    public static final int MAX_COMMENT = 4000;
    /** As every identity id the API takes (docs/security.md, "Input limits"). */
    public static final int MAX_IDENTITY_ID = 255;

    /** The actor of what the process does by itself. */
    public static final String SYSTEM = "system";

    private final Requests requests;
    private final ApprovalItems items;
    private final RecordService records;
    private final ApplicationEventPublisher events;
    private final DecisionRights rights;
    private final ApproverSubstitution substitution;
    private final SourcePolicies sources;
    private final IdentityDirectory directory;
    private final Clock clock;
    private final boolean writeBehind;

    ApprovalSteps(Requests requests, ApprovalItems items, RecordService records, ApplicationEventPublisher events,
                  DecisionRights rights, ApproverSubstitution substitution, SourcePolicies sources,
                  IdentityDirectory directory, Clock clock,
                  @Value("${nelm.requests.write-behind:true}") boolean writeBehind) {
        this.writeBehind = writeBehind;
        this.requests = requests;
        this.items = items;
        this.records = records;
        this.events = events;
        this.rights = rights;
        this.substitution = substitution;
        this.sources = sources;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The request was stored in this transaction and its process starts next in it: routing and level 1 use
     * these values instead of reading them back.
     */
    public void stored(RequestRow request) {
        if (writeBehind) {
            RequestsStoredNow.stored(request);
        }
    }

    /**
     * Stores the routed levels as NOT_READY items: the request is submitted ({@link RequestSubmitted}). A level routed to the requester or to
     * the non-employee's manager, or to no approver, goes to someone else ({@link ApproverSubstitution}).
     */
    @Transactional
    public void route(String requestId, List<RoutedLevel> routed) {
        RequestRow request = RequestsStoredNow.request(requestId).orElseGet(() -> request(requestId));
        List<RoutedLevel> levels = substitution.asRouted(request, routed, () -> sourceOwner(request));
        OffsetDateTime now = now();
        items.insert(requestId, levels, now);
        events.publishEvent(new RequestSubmitted(requestId, request.requesterId(), now.toInstant(), request.sourceId(),
                request.sourceName(), request.requesterId(), request.nonEmployee().accountName(),
                request.nonEmployee().firstName(), request.nonEmployee().lastName(),
                levels.stream().map(level -> approver(level.approver())).toList()));
    }

    /**
     * The review task of the request's next level was created: that level's item becomes PENDING under the task
     * (see {@link ApprovalItems#startNext}) and its approver is asked: the source owner instead when the routed
     * identity no longer exists ({@link ApproverSubstitution#asStarting}). Refused when no level is left to review,
     * e.g. when an operator starts a review in Cockpit after the last decision.
     */
    @Transactional
    public StartedLevel startLevel(String requestId, String taskId) {
        RequestRow request = RequestsStoredNow.request(requestId).orElseGet(() -> request(requestId));
        OffsetDateTime now = now();
        AtomicReference<String> onBehalfOf = new AtomicReference<>();
        ApprovalItems.LevelStart start = items.startNext(requestId, taskId, now, next -> standIn(request, next, now)
                        .map(standIn -> {
                            onBehalfOf.set(standIn.onBehalfOf());
                            return next.routedTo(standIn.level());
                        })
                        .orElse(next))
                .orElseThrow(() -> new IllegalStateException("Request " + requestId + " has no approval level left "
                        + "to review"));
        ApprovalItemRow item = start.item();
        events.publishEvent(new ApprovalLevelStarted(requestId, SYSTEM, now.toInstant(), item.id(),
                item.approvalOrder(), start.all().size(), item.approver().type().name(), item.approver().id(),
                onBehalfOf.get(), request.sourceId(), request.sourceName(), request.nonEmployee().accountName(),
                request.nonEmployee().firstName(), request.nonEmployee().lastName()));
        return new StartedLevel(item.approver(), request.nonEmployee().accountName(), item.approvalOrder(),
                start.all().size(), ReviewSheet.description(request, start.all()));
    }

    /**
     * A review task changed (a claim, a new assignee, a delegation). An assignee who may decide the level (its
     * approver, a member of its group) takes the task; anyone else is a hand-over, made by the actor (the user
     * Tasklist or engine REST authenticated) under the rule of {@link #reassign}. Returns the level's approver
     * now, or null when the task has no assignee.
     */
    @Transactional
    public ApproverRef assigned(String taskId, String assignee, String actor) {
        if (assignee == null) {
            return null;
        }
        UnderReview level = items.ofTask(taskId).orElseThrow(ApprovalSteps::alreadyDecided);
        if (rights.refusal(assignee, level).isEmpty()) {
            return level.item().approver();
        }
        reassign(level, assignee, actor, null);
        return new ApproverRef(ApproverType.IDENTITY, assignee);
    }

    /**
     * The PENDING level goes to another identity, which then decides it as its approver; recorded on the item
     * and published ({@link ApprovalReassigned}). Made by whoever may decide the level, or by an org admin.
     * Refused: anyone else (403); the requester and the non-employee's manager as targets (403), since they may
     * never decide; an unknown identity, the current approver itself and an over-long comment (400).
     */
    @Transactional
    public void reassign(UnderReview level, String to, String actor, String comment) {
        ApprovalItemRow item = level.item();
        if (to == null || to.isBlank()) {
            throw ApiException.badRequest("identityId is required");
        }
        String tooLong = InputText.problem("identityId", to, MAX_IDENTITY_ID);
        if (tooLong != null) {
            throw ApiException.badRequest(tooLong);
        }
        handOverRefusal(level, to).ifPresent(reason -> {
            throw ApiException.forbidden("The task cannot be assigned to " + to + ": " + reason);
        });
        boolean orgAdmin = actor != null && directory.isMember(actor, RoleContext.ORG_ADMIN.groupId());
        if (actor == null || !(orgAdmin || rights.refusal(actor, level).isEmpty())) {
            throw ApiException.forbidden("The task cannot be assigned to " + to + ": only the approver of this item "
                    + "or an org admin may hand it to someone else");
        }
        if (item.status() != ApprovalStatus.PENDING) {
            throw ApiException.badRequest("Only a PENDING approval item can be reassigned; this one is "
                    + item.status());
        }
        if (item.approver().type() == ApproverType.IDENTITY && item.approver().id().equals(to)) {
            throw ApiException.badRequest(to + " is already the approver of this item");
        }
        if (!directory.identityExists(to)) {
            throw ApiException.badRequest("identityId " + to + " is not a known identity");
        }
        checkComment(ApprovalStatus.APPROVED, comment); // optional, at most 4000 characters, as an approval's
        OffsetDateTime now = now();
        if (!items.reassign(item, to, actor, blankToNull(comment), now)) {
            throw alreadyDecided();
        }
        RequestRow request = request(item.requestId());
        events.publishEvent(new ApprovalReassigned(item.requestId(), actor, now.toInstant(), item.id(),
                item.approvalOrder(), item.approver().type().name(), item.approver().id(), to, blankToNull(comment),
                request.sourceName(), request.nonEmployee().accountName(), request.nonEmployee().firstName(),
                request.nonEmployee().lastName()));
    }

    /** Why the level may never go to the identity (it is the request's requester or the non-employee's manager). */
    Optional<String> handOverRefusal(UnderReview level, String to) {
        return to.equals(level.requesterId()) || to.equals(level.nonEmployeeManager())
                ? rights.refusal(to, level) : Optional.empty();
    }

    /**
     * Records the decision of the task's level, made by the identity. Refuses anyone who may not decide it
     * ({@link DecisionRights}), a decision other than APPROVED / REJECTED, a missing rejection comment, a comment
     * over 4000 characters, and a level that is no longer PENDING under this task.
     */
    @Transactional
    public ApprovalStatus decide(String taskId, String decision, String comment, String decidedBy) {
        UnderReview level = items.ofTask(taskId).filter(found -> found.item().status() == ApprovalStatus.PENDING)
                .orElseThrow(ApprovalSteps::alreadyDecided);
        rights.check(decidedBy, level);
        ApprovalStatus status = decisionOf(decision);
        checkComment(status, comment);
        OffsetDateTime now = now();
        if (!items.decide(level.item(), status, blankToNull(comment), decidedBy, now)) {
            throw alreadyDecided();
        }
        events.publishEvent(new ApprovalDecided(level.item().requestId(), decidedBy, now.toInstant(),
                level.item().id(), level.item().approvalOrder(), status.name(), blankToNull(comment)));
        return status;
    }

    /**
     * The request's levels as they would run if each started now: a level not yet started gets the approver
     * {@link #startLevel} would give it. For the route preview; changes nothing.
     */
    @Transactional(readOnly = true)
    public List<ApprovalItemRow> levelsAsTheyWouldRun(String requestId) {
        RequestRow request = RequestsStoredNow.request(requestId).orElseGet(() -> request(requestId));
        return items.routedNow(requestId).orElseGet(() -> items.ofRequest(requestId)).stream()
                .map(item -> item.status() != ApprovalStatus.NOT_READY ? item
                        : standIn(request, item, now()).map(standIn -> item.routedTo(standIn.level())).orElse(item))
                .toList();
    }

    private Optional<ApproverSubstitution.StandIn> standIn(RequestRow request, ApprovalItemRow item,
                                                           OffsetDateTime now) {
        return substitution.asStarting(request, new RoutedLevel(item.approver(), item.routingJson()),
                () -> sourceOwner(request), now);
    }

    private String sourceOwner(RequestRow request) {
        return sources.find(request.sourceId()).map(SourcePolicy::ownerId).orElse(null);
    }

    /** Where the request's review stands, from its items: the process's next step follows from it. */
    @Transactional(readOnly = true)
    public Progress progress(String requestId) {
        List<ApprovalItemRow> levels = items.routedNow(requestId).orElseGet(() -> items.ofRequest(requestId));
        if (levels.stream().anyMatch(item -> item.status() == ApprovalStatus.REJECTED)) {
            return Progress.REJECTED;
        }
        if (levels.stream().anyMatch(item -> item.status() == ApprovalStatus.NOT_READY
                || item.status() == ApprovalStatus.PENDING)) {
            return Progress.LEVEL_WAITING;
        }
        return Progress.ALL_APPROVED;
    }

    /** Where a request's review stands. */
    public enum Progress { LEVEL_WAITING, REJECTED, ALL_APPROVED }

    /**
     * A level rejected: the request ends REJECTED with that comment, undecided items become CANCELLED. Refused
     * (the process step fails) when no level was rejected, e.g. after an operator moved the process there.
     */
    @Transactional
    public void closeRejected(String requestId) {
        RequestRow request = requests.lock(requestId).orElseThrow(() -> missing(requestId));
        ApprovalItemRow rejected = items.ofRequest(requestId).stream()
                .filter(item -> item.status() == ApprovalStatus.REJECTED)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Request " + requestId + " has no rejected level: "
                        + "it cannot be closed as rejected"));
        OffsetDateTime now = now();
        items.cancelUndecided(requestId, now);
        requests.finish(requestId, ApprovalStatus.REJECTED, rejected.comment(), null, now);
        events.publishEvent(new RequestRejected(requestId, rejected.decidedBy() == null ? SYSTEM : rejected.decidedBy(),
                now.toInstant(), rejected.comment(), request.requesterId(), request.sourceId(), request.sourceName(),
                request.nonEmployee().accountName(), request.nonEmployee().firstName(),
                request.nonEmployee().lastName()));
    }

    /**
     * Every level approved: the record is created from the request and the request becomes APPROVED. A request
     * withdrawn in the meantime is left alone. A routed level that is not APPROVED (an operator moved the process
     * past it) or any other failure (e.g. the accountName was taken by a record created directly) rolls
     * everything back, so the engine retries and finally shows an incident: never a record without every approval.
     */
    @Transactional
    public void createRecord(String requestId) {
        RequestRow request = requests.lock(requestId).orElseThrow(() -> missing(requestId));
        if (request.status() != ApprovalStatus.PENDING) {
            return;
        }
        List<ApprovalItemRow> levels = items.ofRequest(requestId);
        List<String> undecided = levels.stream().filter(item -> item.status() != ApprovalStatus.APPROVED)
                .map(item -> "level " + item.approvalOrder() + " is " + item.status()).toList();
        if (!undecided.isEmpty()) {
            throw new IllegalStateException("Request " + requestId + " is not approved at every level ("
                    + String.join(", ", undecided) + "): no record is created");
        }
        NonEmployeeRecord record = records.create(request.nonEmployee(), SYSTEM, requestId);
        String comment = levels.isEmpty() ? null : levels.get(levels.size() - 1).comment();
        OffsetDateTime now = now();
        requests.finish(requestId, ApprovalStatus.APPROVED, comment, record.id(), now);
        events.publishEvent(new RequestApproved(requestId, SYSTEM, now.toInstant(), record.id(), comment,
                request.requesterId(), request.sourceId(), request.sourceName(), request.nonEmployee().accountName(),
                request.nonEmployee().firstName(), request.nonEmployee().lastName()));
    }

    /**
     * The request's process ended, however it ended (its last step, a withdrawal, or an operator who cancelled or
     * modified it in Cockpit, with or without custom listeners): a request still PENDING then ends CANCELLED with
     * its undecided items, so our rows never claim a review that no process runs any more.
     */
    @Transactional
    public void processEnded(String requestId, String reason) {
        if (requests.find(requestId).filter(request -> request.status() == ApprovalStatus.PENDING).isPresent()) {
            cancel(requestId, "The approval process ended without a decision"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason), SYSTEM);
        }
    }

    /** Withdrawal of a pending request by {@code actor}: undecided items and the request become CANCELLED. */
    @Transactional
    public void cancel(String requestId, String comment, String actor) {
        RequestRow request = request(requestId);
        OffsetDateTime now = now();
        items.cancelUndecided(requestId, now);
        requests.finish(requestId, ApprovalStatus.CANCELLED, comment, null, now);
        events.publishEvent(new RequestCancelled(requestId, actor, now.toInstant(), comment, request.requesterId(),
                request.sourceId(), request.nonEmployee().accountName()));
    }

    /** An approver as events carry it: JSON-readable strings only. */
    private static Map<String, String> approver(ApproverRef approver) {
        return Map.of("type", approver.type().name(), "id", approver.id());
    }

    static ApprovalStatus decisionOf(String decision) {
        if ("APPROVED".equals(decision)) {
            return ApprovalStatus.APPROVED;
        }
        if ("REJECTED".equals(decision)) {
            return ApprovalStatus.REJECTED;
        }
        throw ApiException.badRequest("decision must be APPROVED or REJECTED");
    }

    static void checkComment(ApprovalStatus decision, String comment) {
        if (decision == ApprovalStatus.REJECTED && (comment == null || comment.isBlank())) {
            throw ApiException.badRequest("comment is required;");
        }
        String problem = InputText.problem("comment", comment, MAX_COMMENT);
        if (problem != null) {
            throw ApiException.badRequest(problem + ";");
        }
    }

    /**
     * Whether the task reviewed a level that has since been decided: a completion of it that failed in the
     * engine (the task gone, its row changed) lost a race with that decision.
     */
    @Transactional(readOnly = true)
    public boolean decidedByAnotherTransaction(String taskId) {
        return items.ofTask(taskId).filter(level -> level.item().status() != ApprovalStatus.PENDING).isPresent();
    }

    public static ApiException alreadyDecided() {
        return ApiException.badRequest("The approval item has already been decided; only a PENDING item can be decided");
    }

    private RequestRow request(String requestId) {
        return requests.find(requestId).orElseThrow(() -> missing(requestId));
    }

    private static IllegalStateException missing(String requestId) {
        return new IllegalStateException("Request " + requestId + " does not exist");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
