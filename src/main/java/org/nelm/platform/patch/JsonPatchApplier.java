package org.nelm.platform.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.nelm.platform.error.ApiException;
import org.springframework.stereotype.Component;

/**
 * The one JSON Patch (RFC 6902) applier of the API. The caller says which top-level members of its resource
 * may be touched; every other path, a malformed patch or an operation that cannot be applied is a 400.
 */
@Component
public class JsonPatchApplier {

    private static final Set<String> OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

    /** Applies the patch to a copy of the document; the document itself is not changed. */
    public JsonNode apply(JsonNode document, JsonNode patch, Set<String> allowedMembers) {
        Set<String> touched = touchedMembers(patch);
        for (String member : touched) {
            if (!allowedMembers.contains(member)) {
                throw ApiException.badRequest("Path /" + member + " cannot be patched; allowed: "
                        + allowedMembers.stream().sorted().map(m -> "/" + m).toList());
            }
        }
        try {
            return JsonPatch.apply(patch, document);
        } catch (JsonPatchApplicationException e) {
            throw ApiException.badRequest("The patch cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The patch cannot be applied");
        }
    }

    /**
     * The top-level members a well-formed patch touches (through {@code path} or {@code from}), in order; a 400
     * when the patch is not an array of operations. Lets callers decide permissions before applying.
     */
    public Set<String> touchedMembers(JsonNode patch) {
        if (patch == null || !patch.isArray() || patch.isEmpty()) {
            throw ApiException.badRequest("The body must be a non-empty JSON Patch array of operations");
        }
        Set<String> members = new LinkedHashSet<>();
        for (JsonNode operation : patch) {
            if (!operation.isObject()) {
                throw ApiException.badRequest("Every JSON Patch operation must be an object");
            }
            String op = operation.path("op").asText("");
            if (!OPERATIONS.contains(op)) {
                throw ApiException.badRequest("op must be one of " + OPERATIONS.stream().sorted().toList());
            }
            members.add(member(operation, "path"));
            if (op.equals("move") || op.equals("copy")) {
                members.add(member(operation, "from"));
            }
            if ((op.equals("add") || op.equals("replace") || op.equals("test")) && !operation.has("value")) {
                throw ApiException.badRequest("value is required for op " + op);
            }
        }
        return members;
    }

    private static String member(JsonNode operation, String field) {
        JsonNode pointer = operation.get(field);
        if (pointer == null || !pointer.isTextual() || !pointer.asText().startsWith("/") || pointer.asText().length() < 2) {
            throw ApiException.badRequest(field + " must be a JSON Pointer to a member, e.g. /endDate");
        }
        String text = pointer.asText().substring(1);
        int slash = text.indexOf('/');
        String first = slash < 0 ? text : text.substring(0, slash);
        return first.replace("~1", "/").replace("~0", "~");
    }
}
