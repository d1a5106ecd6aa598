package org.nelm.request.approval;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.nelm.platform.TransactionBound;
import org.nelm.request.RequestRow;

/**
 * The new requests the current transaction stored, as stored; they do not change afterwards in it. An intake starts
 * the request's process in the same transaction, and the process's first steps (routing, level 1) take the request
 * from here instead of reading back what was just written (the routed levels: {@link ApprovalItems#routedNow}).
 * Bound to the transaction and dropped when it ends; outside a transaction nothing is kept. Off, with the items'
 * write-behind, by {@code nelm.requests.write-behind=false} (what both save: {@link ApprovalItems}).
 */
final class RequestsStoredNow {

    private static final Object KEY = RequestsStoredNow.class;

    private RequestsStoredNow() {
    }

    static void stored(RequestRow request) {
        requests().ifPresent(requests -> requests.put(request.id(), request));
    }

    static Optional<RequestRow> request(String requestId) {
        return requests().map(requests -> requests.get(requestId));
    }

    private static Optional<Map<String, RequestRow>> requests() {
        return TransactionBound.value(KEY, HashMap::new);
    }
}
