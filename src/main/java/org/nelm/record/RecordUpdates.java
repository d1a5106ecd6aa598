package org.nelm.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.patch.JsonPatchApplier;
import org.nelm.record.RecordAccess.EditScope;
import org.springframework.stereotype.Service;

/**
 * PUT and PATCH of a record. Both end in the one validator and {@link RecordService#replace}; a caller limited
 * to the end date gets a 403 as soon as anything else would change (reference section 13.8).
 */
@Service
class RecordUpdates {

    /** The members of a record's editable view; sourceId is part of it but not patchable (no moving between sources). */
    static final Set<String> EDITABLE = Set.of("accountName", "firstName", "lastName", "email", "phone", "manager",
            "data", "startDate", "endDate");

    private final RecordService records;
    private final NonEmployeeValidator validator;
    private final JsonPatchApplier patches;
    private final ObjectMapper objectMapper;

    RecordUpdates(RecordService records, NonEmployeeValidator validator, JsonPatchApplier patches,
                  ObjectMapper objectMapper) {
        this.records = records;
        this.validator = validator;
        this.patches = patches;
        this.objectMapper = objectMapper;
    }

    NonEmployeeRecord put(NonEmployeeRecord current, NonEmployeeRequestBody body, EditScope scope, String actor) {
        if (body == null) {
            throw ApiException.badRequest("The request body is required");
        }
        boolean otherSource = body.sourceId() != null && !body.sourceId().isBlank()
                && !body.sourceId().trim().equals(current.sourceId());
        if (otherSource && scope == EditScope.END_DATE_ONLY) {
            throw endDateOnly();
        }
        if (otherSource) {
            throw ApiException.badRequest("sourceId cannot be changed; delete the record and create it in the other source");
        }
        NonEmployee wanted = validator.validate(body);
        if (scope == EditScope.END_DATE_ONLY && !onlyEndDateDiffers(current, wanted)) {
            throw endDateOnly();
        }
        return records.replace(current.id(), wanted, actor);
    }

    NonEmployeeRecord patch(NonEmployeeRecord current, JsonNode patch, EditScope scope, String actor) {
        if (scope == EditScope.END_DATE_ONLY && touchesMoreThanEndDate(patch)) {
            throw endDateOnly();
        }
        JsonNode patched = patches.apply(patch, view(current), EDITABLE);
        NonEmployeeRequestBody body;
        try {
            body = objectMapper.treeToValue(patched, NonEmployeeRequestBody.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("The patched record is not valid: every field is text, data is an object of texts");
        }
        return records.replace(current.id(), validator.validate(body), actor);
    }

    /** Whether any operation points (by path or from) elsewhere than /endDate; malformed ones are left to the applier. */
    private static boolean touchesMoreThanEndDate(JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            return false;
        }
        for (JsonNode operation : patch) {
            for (String member : List.of("path", "from")) {
                JsonNode pointer = operation.path(member);
                if (pointer.isTextual() && !pointer.asText().equals("/endDate")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The record as the NonEmployeeRequestBody it could have been created with: what patches apply to. */
    private ObjectNode view(NonEmployeeRecord record) {
        ObjectNode node = objectMapper.createObjectNode();
        node.put("accountName", record.accountName());
        node.put("firstName", record.firstName());
        node.put("lastName", record.lastName());
        node.put("email", record.email());
        node.put("phone", record.phone());
        node.put("manager", record.manager());
        node.put("sourceId", record.sourceId());
        node.set("data", objectMapper.valueToTree(record.data()));
        node.put("startDate", record.startDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        node.put("endDate", record.endDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        return node;
    }

    private static boolean onlyEndDateDiffers(NonEmployeeRecord current, NonEmployee wanted) {
        return current.accountName().equals(wanted.accountName())
                && current.firstName().equals(wanted.firstName())
                && current.lastName().equals(wanted.lastName())
                && current.email().equals(wanted.email())
                && current.phone().equals(wanted.phone())
                && current.manager().equals(wanted.manager())
                && Objects.equals(current.data(), wanted.data())
                && current.startDate().toInstant().equals(wanted.startDate().toInstant());
    }

    private static ApiException endDateOnly() {
        return ApiException.forbidden("The source owner and account managers may only change endDate");
    }
}
