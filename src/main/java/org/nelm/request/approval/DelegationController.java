package org.nelm.request.approval;

import org.nelm.platform.web.NelmApi;
import org.nelm.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Extension: the caller's out-of-office delegation (docs/workflow.md, "Out of office"). */
@RestController
@NelmApi
@RequestMapping("/non-employee-approvals/delegation/me")
class DelegationController {

    private final OutOfOffice outOfOffice;
    private final CurrentCaller callers;

    DelegationController(OutOfOffice outOfOffice, CurrentCaller callers) {
        this.outOfOffice = outOfOffice;
        this.callers = callers;
    }

    @GetMapping
    ApprovalDelegation get() {
        return outOfOffice.get(callers.reader());
    }

    @PutMapping
    ApprovalDelegation put(@RequestBody ApprovalDelegationBody body) {
        return outOfOffice.put(callers.manager(), body);
    }

    @DeleteMapping
    ResponseEntity<Void> remove() {
        outOfOffice.remove(callers.manager());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/move-pending")
    OutOfOffice.PendingMoved movePending() {
        return outOfOffice.movePending(callers.manager());
    }
}
