package org.nelm.request.approval;

import static org.nelm.platform.query.FilterOperator.EQ;

import org.nelm.platform.query.QueryField;
import org.nelm.platform.query.QuerySpec;

/**
 * The collection parameters of list approvals (reference section 5.2). approvalStatus compares
 * case-insensitively, so the contract's own example {@code approvalStatus eq "Pending"} works.
 */
final class ApprovalQueries {

    static final QuerySpec SPEC = QuerySpec.builder()
            .field(QueryField.sortable("created", "i.created"))
            .field(QueryField.sortable("modified", "i.modified"))
            .field(QueryField.enumeration("approvalStatus", "i.status", ApprovalStatus.class).withOperators(EQ))
            .defaultOrder("i.created DESC")
            .tieBreaker("i.id")
            .build();

    private ApprovalQueries() {
    }
}
