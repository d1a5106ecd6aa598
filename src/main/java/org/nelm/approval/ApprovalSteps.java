package org.nelm.approval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.InputText;
import org.nelm.record.NonEmployeeRecord;
import org.nelm.record.RecordService;
import org.nelm.request.RequestRow;
import org.nelm.request.Requests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of the approval process does to our data. The engine adapter calls these from the process
 * (delegates and task listeners), so a decision taken in Tasklist and one taken through the API run the same
 * code in the same transaction as the task completion.
 */
@Service
public class ApprovalSteps {

    public static final int MAX_COMMENT = 4000;

    private final Requests requests;
    private final ApprovalItems items;
    private final RecordService records;
    private final Notifications notifications;
    private final Clock clock;

    ApprovalSteps(Requests requests, ApprovalItems items, RecordService records,
                  Notifications notifications, Clock clock) {
        this.requests = requests;
        this.items = items;
        this.records = records;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The request was stored in this transaction and its process starts next in it: routing and level 1 use
     * these values instead of reading them back.
     */
    public void stored(RequestRow request) {
        RequestsStoredNow.stored(request);
    }

    /** Stores the routed levels as NOT_READY items and tells the requester; returns the number of levels. */
    @Transactional
    public int route(String requestId, List<RoutedLevel> levels) {
        RequestRow request = RequestsStoredNow.request(requestId).orElseGet(() -> request(requestId));
        items.insert(requestId, levels, now());
        notifications.requestReceived(request, levels.stream().map(RoutedLevel::approver).toList());
        return levels.size();
    }

    /** The level's turn has come: its item becomes PENDING with the task, its approver is asked. */
    @Transactional
    public StartedLevel startLevel(String requestId, int order, String taskId) {
        if (!items.start(requestId, order, taskId, now())) {
            throw new IllegalStateException("No approval level " + order + " for " + requestId);
        }
        Requests.RequestAtLevel level = RequestsStoredNow.request(requestId)
                .flatMap(request -> items.routedNow(requestId).map(routed -> new Requests.RequestAtLevel(request,
                        routed.get(order - 1).approver())))
                .or(() -> requests.atLevel(requestId, order))
                .orElseThrow(() -> missing(requestId));
        notifications.reviewNeeded(level.request(), level.approver(), order);
        return new StartedLevel(level.approver(), level.request().nonEmployee().accountName());
    }

    /**
     * Records the decision on the level's item. Refuses a decision other than APPROVED / REJECTED, a missing
     * rejection comment, a comment over 4000 characters and an item that is no longer PENDING.
     */
    @Transactional
    public ApprovalStatus decide(String requestId, int order, String decision, String comment, String decidedBy) {
        ApprovalStatus status = decisionOf(decision);
        checkComment(status, comment);
        if (!items.decide(requestId, order, status, blankToNull(comment), decidedBy, now())) {
            throw alreadyDecided();
        }
        return status;
    }

    /** A level rejected: the request ends REJECTED with that comment, undecided items become CANCELLED. */
    @Transactional
    public void closeRejected(String requestId) {
        RequestRow request = requests.lock(requestId).orElseThrow(() -> missing(requestId));
        String comment = items.ofRequest(requestId).stream()
                .filter(item -> item.status() == ApprovalStatus.REJECTED)
                .map(ApprovalItemRow::comment)
                .findFirst().orElse(null);
        OffsetDateTime now = now();
        items.cancelUndecided(requestId, now);
        requests.finish(requestId, ApprovalStatus.REJECTED, comment, null, now);
        notifications.decided(request, ApprovalStatus.REJECTED, comment);
    }

    /**
     * Every level approved: the record is created from the request and the request becomes APPROVED. A request
     * withdrawn in the meantime is left alone. A failure (e.g. the accountName was taken by a record created
     * directly) rolls everything back, so the engine retries and finally shows an incident.
     */
    @Transactional
    public void createRecord(String requestId) {
        RequestRow request = requests.lock(requestId).orElseThrow(() -> missing(requestId));
        if (request.status() != ApprovalStatus.PENDING) {
            return;
        }
        NonEmployeeRecord record = records.create(request.nonEmployee());
        List<ApprovalItemRow> decided = items.ofRequest(requestId);
        String comment = decided.isEmpty() ? null : decided.get(decided.size() - 1).comment();
        requests.finish(requestId, ApprovalStatus.APPROVED, comment, record.id(), now());
        notifications.decided(request, ApprovalStatus.APPROVED, comment);
    }

    /** Withdrawal of a pending request: undecided items and the request become CANCELLED. */
    @Transactional
    public void cancel(String requestId, String comment) {
        OffsetDateTime now = now();
        items.cancelUndecided(requestId, now);
        requests.finish(requestId, ApprovalStatus.CANCELLED, comment, null, now);
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

    static ApiException alreadyDecided() {
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
