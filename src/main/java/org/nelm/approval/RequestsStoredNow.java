package org.nelm.approval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nelm.platform.TransactionBound;
import org.nelm.request.RequestRow;
import org.nelm.request.Requests;
import org.nelm.source.ApproverRef;

/**
 * What the current transaction stored about new requests and does not change afterwards: who asked, for whom, from
 * which source, and the routed approvers. An intake starts the request's process in the same transaction, and the
 * process's first steps (routing, level 1) take these facts from here instead of reading back what was just
 * written. Bound to the transaction and dropped when it ends; outside a transaction nothing is kept.
 */
final class RequestsStoredNow {

    private record Facts(RequestRow request, List<ApproverRef> approvers) {
    }

    private static final Object KEY = RequestsStoredNow.class;

    private RequestsStoredNow() {
    }

    static void stored(RequestRow request) {
        facts().ifPresent(facts -> facts.put(request.id(), new Facts(request, List.of())));
    }

    static void routed(String requestId, List<ApproverRef> approvers) {
        facts().ifPresent(facts -> facts.computeIfPresent(requestId, (id, known) -> new Facts(known.request(),
                List.copyOf(approvers))));
    }

    static Optional<RequestRow> request(String requestId) {
        return facts().map(facts -> facts.get(requestId)).map(Facts::request);
    }

    /** The request with the approver of its level {@code order} (1-based), as stored and routed in this transaction. */
    static Optional<Requests.RequestAtLevel> atLevel(String requestId, int order) {
        return facts().map(facts -> facts.get(requestId))
                .filter(known -> order >= 1 && order <= known.approvers().size())
                .map(known -> new Requests.RequestAtLevel(known.request(), known.approvers().get(order - 1)));
    }

    private static Optional<Map<String, Facts>> facts() {
        return TransactionBound.value(KEY, HashMap::new);
    }
}
