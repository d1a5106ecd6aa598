package org.nelm.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.CollectionQueryParser;
import org.nelm.platform.query.CollectionResponse;
import org.nelm.platform.web.NelmApi;
import org.nelm.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations 13-17 of the contract: create, list, get, patch and delete non-employee sources. */
@RestController
@NelmApi
@RequestMapping("/non-employee-sources")
class SourceController {

    private final SourceService sources;
    private final CurrentCaller currentCaller;

    SourceController(SourceService sources, CurrentCaller currentCaller) {
        this.sources = sources;
        this.currentCaller = currentCaller;
    }

    /** 200, not 201, as everywhere in the contract. */
    @PostMapping
    NonEmployeeSourceWithCloudExternalId create(@RequestBody NonEmployeeSourceRequestBody body) {
        return sources.create(currentCaller.manager(), body);
    }

    @GetMapping
    ResponseEntity<List<NonEmployeeSourceWithNECount>> list(
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) String sorters,
            @RequestParam(required = false) String filters,
            @RequestParam(name = "requested-for", required = false) String requestedFor,
            @RequestParam(name = "non-employee-count", defaultValue = "false") boolean nonEmployeeCount) {
        // the spec has no filters here: the list's whitelist has no filterable field, so any filter is a 400
        CollectionQuery query = CollectionQueryParser.parse(limit, offset, count, filters, sorters,
                SourceService.LIST_SPEC);
        SourceService.Page page = sources.list(currentCaller.reader(), query, requestedFor, nonEmployeeCount);
        return CollectionResponse.of(page.items(), query.count() ? page.total() : null);
    }

    @GetMapping("/{sourceId}")
    NonEmployeeSource get(@PathVariable String sourceId) {
        return sources.get(currentCaller.reader(), sourceId);
    }

    @PatchMapping(path = "/{sourceId}", consumes = {"application/json-patch+json", "application/json"})
    NonEmployeeSource patch(@PathVariable String sourceId, @RequestBody JsonNode patch) {
        return sources.patch(currentCaller.manager(), sourceId, patch);
    }

    @DeleteMapping("/{sourceId}")
    ResponseEntity<Void> delete(@PathVariable String sourceId) {
        sources.delete(currentCaller.manager(), sourceId);
        return ResponseEntity.noContent().build();
    }
}
