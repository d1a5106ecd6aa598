package org.nelm.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.CollectionQueryParser;
import org.nelm.platform.query.CollectionResponse;
import org.nelm.platform.web.InputText;
import org.nelm.platform.web.NelmApi;
import org.nelm.record.RecordAccess.EditScope;
import org.nelm.security.Caller;
import org.nelm.security.CurrentCaller;
import org.nelm.security.RoleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations 1-7 of the reference: non-employee records. */
@RestController
@NelmApi
@RequestMapping("/non-employee-records")
class RecordController {

    private final CurrentCaller callers;
    private final RecordService records;
    private final RecordList list;
    private final RecordAccess access;
    private final RecordUpdates updates;
    private final NonEmployeeValidator validator;

    RecordController(CurrentCaller callers, RecordService records, RecordList list, RecordAccess access,
                     RecordUpdates updates, NonEmployeeValidator validator) {
        this.callers = callers;
        this.records = records;
        this.list = list;
        this.access = access;
        this.updates = updates;
        this.validator = validator;
    }

    @PostMapping
    NonEmployeeRecord create(@RequestBody(required = false) NonEmployeeRequestBody body) {
        Caller caller = callers.manager();
        caller.require(RoleContext.NESR_CREATE);
        if (body == null) {
            throw ApiException.badRequest("The request body is required");
        }
        return records.create(validator.validate(body), caller.actor(), null);
    }

    @GetMapping
    ResponseEntity<List<NonEmployeeRecord>> list(@RequestParam(required = false) String limit,
                                                 @RequestParam(required = false) String offset,
                                                 @RequestParam(required = false) String count,
                                                 @RequestParam(required = false) String filters,
                                                 @RequestParam(required = false) String sorters) {
        Caller caller = callers.reader();
        CollectionQuery query = CollectionQueryParser.parse(limit, offset, count, filters, sorters, RecordList.SPEC);
        List<String> sources = access.listableSources(caller);
        return CollectionResponse.of(list.page(query, sources), query.count() ? list.count(query, sources) : null);
    }

    @GetMapping("/{id}")
    NonEmployeeRecord get(@PathVariable String id) {
        Caller caller = callers.reader();
        NonEmployeeRecord record = existing(id);
        access.checkRead(caller, record);
        return record;
    }

    @PutMapping("/{id}")
    NonEmployeeRecord put(@PathVariable String id, @RequestBody(required = false) NonEmployeeRequestBody body) {
        Caller caller = CurrentCaller.requireUser(callers.manager());
        NonEmployeeRecord record = existing(id);
        EditScope scope = access.editScope(caller, record);
        return updates.put(record, body, scope, caller.actor());
    }

    @PatchMapping(path = "/{id}", consumes = {"application/json-patch+json", "application/json"})
    NonEmployeeRecord patch(@PathVariable String id, @RequestBody(required = false) JsonNode patch) {
        Caller caller = CurrentCaller.requireUser(callers.manager());
        NonEmployeeRecord record = existing(id);
        EditScope scope = access.editScope(caller, record);
        return updates.patch(record, patch, scope, caller.actor());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Caller caller = callers.manager();
        caller.require(RoleContext.NESR_DELETE);
        if (!records.delete(id, caller.actor())) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/bulk-delete")
    ResponseEntity<Void> bulkDelete(@RequestBody(required = false) BulkDeleteRequest body) {
        Caller caller = callers.manager();
        caller.require(RoleContext.NESR_DELETE);
        if (body == null || body.ids() == null || body.ids().isEmpty()) {
            throw ApiException.badRequest("ids is required and must list at least one record id");
        }
        if (body.ids().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw ApiException.badRequest("ids must not contain empty values");
        }
        for (int i = 0; i < body.ids().size(); i++) {
            String problem = InputText.problem("ids[" + i + "]", body.ids().get(i), NonEmployeeValidator.MAX_TEXT);
            if (problem != null) {
                throw ApiException.badRequest(problem);
            }
        }
        records.deleteAll(body.ids(), caller.actor());
        return ResponseEntity.noContent().build();
    }

    private NonEmployeeRecord existing(String id) {
        return records.find(id).orElseThrow(ApiException::notFound);
    }
}
