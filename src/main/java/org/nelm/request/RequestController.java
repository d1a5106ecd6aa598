package org.nelm.request;

import java.util.List;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.CollectionQueryParser;
import org.nelm.platform.query.CollectionResponse;
import org.nelm.platform.web.NelmApi;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations 8-12 of the reference: create, list, get, delete and summarize non-employee requests. */
@RestController
@NelmApi
@RequestMapping("/non-employee-requests")
class RequestController {

    private final RequestService requests;
    private final CurrentCaller callers;

    RequestController(RequestService requests, CurrentCaller callers) {
        this.requests = requests;
        this.callers = callers;
    }

    @PostMapping
    NonEmployeeRequest create(@RequestBody NonEmployeeRequestBody body) {
        return requests.create(callers.manager(), body);
    }

    /** Extension: the levels a create with this body would run; stores nothing (docs/workflow.md). */
    @PostMapping("/route-preview")
    RoutePreview routePreview(@RequestBody NonEmployeeRequestBody body) {
        return requests.preview(callers.manager(), body);
    }

    @GetMapping
    ResponseEntity<List<NonEmployeeRequest>> list(@RequestParam(name = "requested-for", required = false) String requestedFor,
                                                  @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String offset,
                                                  @RequestParam(required = false) String count,
                                                  @RequestParam(required = false) String filters,
                                                  @RequestParam(required = false) String sorters) {
        var caller = callers.reader();
        CollectionQuery query = CollectionQueryParser.parse(limit, offset, count, filters, sorters, RequestQueries.SPEC);
        RequestService.RequestPage page = requests.list(caller, requestedFor, query);
        return CollectionResponse.of(page.items(), page.total());
    }

    @GetMapping("/{id}")
    NonEmployeeRequest get(@PathVariable String id) {
        return requests.get(callers.reader(), id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        requests.delete(callers.manager(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/summary/{requestedFor}")
    NonEmployeeRequestSummary summary(@PathVariable String requestedFor) {
        return requests.summary(callers.reader(), requestedFor);
    }
}
