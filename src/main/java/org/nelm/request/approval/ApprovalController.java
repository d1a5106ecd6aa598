package org.nelm.request.approval;

import java.util.List;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.CollectionQueryParser;
import org.nelm.platform.query.CollectionResponse;
import org.nelm.platform.web.NelmApi;
import org.nelm.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations 22-26 of the reference: list, get, approve, reject and summarize approval items. */
@RestController
@NelmApi
@RequestMapping("/non-employee-approvals")
class ApprovalController {

    private final ApprovalService approvals;
    private final CurrentCaller callers;

    ApprovalController(ApprovalService approvals, CurrentCaller callers) {
        this.approvals = approvals;
        this.callers = callers;
    }

    @GetMapping
    ResponseEntity<List<NonEmployeeApprovalItem>> list(@RequestParam(name = "requested-for", required = false) String requestedFor,
                                                       @RequestParam(required = false) String limit,
                                                       @RequestParam(required = false) String offset,
                                                       @RequestParam(required = false) String count,
                                                       @RequestParam(required = false) String filters,
                                                       @RequestParam(required = false) String sorters) {
        var caller = callers.reader();
        CollectionQuery query = CollectionQueryParser.parse(limit, offset, count, filters, sorters, ApprovalQueries.SPEC);
        ApprovalService.ApprovalPage page = approvals.list(caller, requestedFor, query);
        return CollectionResponse.of(page.items(), page.total());
    }

    @GetMapping("/{id}")
    NonEmployeeApprovalItem get(@PathVariable String id,
                                @RequestParam(name = "include-detail", required = false) String includeDetail) {
        return approvals.get(callers.reader(), id, includeDetail(includeDetail));
    }

    @PostMapping("/{id}/approve")
    NonEmployeeApprovalItem approve(@PathVariable String id,
                                    @RequestBody(required = false) NonEmployeeApprovalDecision body) {
        return approvals.decide(callers.manager(), id, ApprovalStatus.APPROVED, body == null ? null : body.comment());
    }

    @PostMapping("/{id}/reject")
    NonEmployeeApprovalItem reject(@PathVariable String id, @RequestBody NonEmployeeApprovalDecision body) {
        return approvals.decide(callers.manager(), id, ApprovalStatus.REJECTED, body.comment());
    }

    /** Extension: the pending item goes to another identity (docs/workflow.md, "Reassignment"). */
    @PostMapping("/{id}/reassign")
    NonEmployeeApprovalItem reassign(@PathVariable String id, @RequestBody NonEmployeeApprovalReassignment body) {
        return approvals.reassign(callers.manager(), id, body.identityId(), body.comment());
    }

    @GetMapping("/summary/{requestedFor}")
    NonEmployeeApprovalSummary summary(@PathVariable String requestedFor) {
        return approvals.summary(callers.reader(), requestedFor);
    }

    /** Default true (reference section 4); anything but true/false is a bad request, not a 500. */
    private static boolean includeDetail(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw ApiException.badRequest("include-detail must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
