package org.nelm.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.nelm.platform.web.NelmApi;
import org.nelm.security.CurrentCaller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations 21 and 27-32 of the contract: a source's account schema and its CSV template. */
@RestController
@NelmApi
@RequestMapping("/non-employee-sources")
class SchemaAttributeController {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final SchemaAttributeService attributes;
    private final CurrentCaller currentCaller;

    SchemaAttributeController(SchemaAttributeService attributes, CurrentCaller currentCaller) {
        this.attributes = attributes;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/{sourceId}/schema-attributes")
    List<NonEmployeeSchemaAttribute> list(@PathVariable String sourceId) {
        return attributes.list(currentCaller.reader(), sourceId);
    }

    @PostMapping("/{sourceId}/schema-attributes")
    NonEmployeeSchemaAttribute create(@PathVariable String sourceId, @RequestBody NonEmployeeSchemaAttributeBody body) {
        return attributes.create(currentCaller.manager(), sourceId, body);
    }

    @DeleteMapping("/{sourceId}/schema-attributes")
    ResponseEntity<Void> deleteAllCustom(@PathVariable String sourceId) {
        attributes.deleteAllCustom(currentCaller.manager(), sourceId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{sourceId}/schema-attributes/{attributeId}")
    NonEmployeeSchemaAttribute get(@PathVariable String sourceId, @PathVariable String attributeId) {
        return attributes.get(currentCaller.reader(), sourceId, attributeId);
    }

    @PatchMapping(path = "/{sourceId}/schema-attributes/{attributeId}",
            consumes = {"application/json-patch+json", "application/json"})
    NonEmployeeSchemaAttribute patch(@PathVariable String sourceId, @PathVariable String attributeId,
                                     @RequestBody JsonNode patch) {
        return attributes.patch(currentCaller.manager(), sourceId, attributeId, patch);
    }

    @DeleteMapping("/{sourceId}/schema-attributes/{attributeId}")
    ResponseEntity<Void> delete(@PathVariable String sourceId, @PathVariable String attributeId) {
        attributes.delete(currentCaller.manager(), sourceId, attributeId);
        return ResponseEntity.noContent().build();
    }

    /**
     * text/csv whatever the Accept header says (the content type is preset, so no 406): clients send
     * {@code text/csv, application/json}, {@code *}{@code /*} or nothing. Errors are still JSON.
     */
    @GetMapping("/{id}/schema-attributes-template/download")
    ResponseEntity<String> template(@PathVariable String id) {
        return ResponseEntity.ok().contentType(TEXT_CSV).body(attributes.template(currentCaller.reader(), id));
    }
}
