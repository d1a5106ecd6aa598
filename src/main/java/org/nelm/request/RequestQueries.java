package org.nelm.request;

import static org.nelm.platform.query.FilterOperator.EQ;

import org.nelm.platform.query.QueryField;
import org.nelm.platform.query.QuerySpec;

/** The collection parameters of list requests, exactly the reference's whitelist (section 5.2). */
final class RequestQueries {

    static final QuerySpec SPEC = QuerySpec.builder()
            .field(QueryField.sortable("created", "r.created"))
            .field(QueryField.sortable("approvalStatus", "r.approval_status"))
            .field(QueryField.sortable("firstName", "r.first_name"))
            .field(QueryField.sortable("lastName", "r.last_name"))
            .field(QueryField.sortable("email", "r.email"))
            .field(QueryField.sortable("phone", "r.phone"))
            .field(QueryField.sortable("accountName", "r.account_name"))
            .field(QueryField.sortable("startDate", "r.start_date"))
            .field(QueryField.sortable("endDate", "r.end_date"))
            .field(QueryField.string("sourceId", "r.source_id").withOperators(EQ))
            .defaultOrder("r.created DESC")
            .tieBreaker("r.id")
            .build();

    private RequestQueries() {
    }
}
