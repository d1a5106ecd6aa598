package org.nelm.platform.patch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import com.flipkart.zjsonpatch.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.JsonProblems;
import org.nelm.platform.web.InputText;
import org.springframework.stereotype.Component;

/**
 * The one JSON Patch (RFC 6902) applier of the API. The caller names the top-level fields a patch may touch; every
 * {@code path} (and the {@code from} of move/copy) must point into one of them. The operations are applied by
 * zjsonpatch to a JSON copy of the target, and every failure (malformed patch, failing operation, a value of the
 * wrong type in the result) becomes a 400 naming the operation or the field. The result is not validated beyond its
 * types: callers validate the whole patched object with the rules they use on create.
 */
@Component
public class JsonPatchApplier {

    private static final Set<String> OPS = Set.of("add", "remove", "replace", "move", "copy", "test");
    /** Far above what a resource's patch needs (a record has 19 patchable values), far below what hurts. */
    static final int MAX_OPERATIONS = 100;
    /** The patched document, counted in JSON values; a record, source or attribute holds fewer than 100. */
    static final int MAX_VALUES = 1000;

    private final ObjectMapper mapper;

    public JsonPatchApplier(ObjectMapper objectMapper) {
        // null-valued fields stay in the target document, so that "replace" works on a field that is currently unset
        this.mapper = objectMapper.copy()
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS));
    }

    /** Applies the patch to the JSON form of {@code target} and reads the result back as {@code resultType}. */
    public <T> T apply(JsonNode patch, Object target, Set<String> allowedFields, Class<T> resultType) {
        JsonNode patched = apply(patch, mapper.valueToTree(target), allowedFields);
        try {
            return mapper.treeToValue(patched, resultType);
        } catch (JsonMappingException e) {
            throw ApiException.badRequest(JsonProblems.describe(e) + " after applying the patch");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("The patched object does not have the shape of the resource");
        }
    }

    /**
     * The patched copy of {@code target}; {@code target} itself is left unchanged. The operations are applied one
     * by one, so a failure names its operation and a patch cannot grow the document without bound (a {@code copy}
     * of a member into itself doubles it).
     */
    public JsonNode apply(JsonNode patch, JsonNode target, Set<String> allowedFields) {
        checkOperations(patch, allowedFields);
        JsonNode document = target.deepCopy();
        for (int i = 0; i < patch.size(); i++) {
            JsonNode operation = patch.get(i);
            try {
                JsonPatch.applyInPlace(mapper.createArrayNode().add(operation), document, CompatibilityFlags.defaults());
            } catch (JsonPatchApplicationException e) {
                throw ApiException.badRequest(cannotApply(i, operation, e));
            } catch (RuntimeException e) {
                // zjsonpatch signals a malformed pointer (e.g. the escape "~2") with unchecked exceptions of its own
                throw ApiException.badRequest(describe(i, operation) + " has a path that is not a JSON Pointer (RFC 6901)");
            }
            if (exceeds(document, MAX_VALUES)) {
                throw ApiException.limit(describe(i, operation) + " makes the document hold more than " + MAX_VALUES
                        + " JSON values");
            }
        }
        return document;
    }

    /** Whether the document holds more than {@code max} values (counting stops there). */
    static boolean exceeds(JsonNode document, int max) {
        int[] left = {max};
        return !countDown(document, left);
    }

    private static boolean countDown(JsonNode node, int[] left) {
        if (--left[0] < 0) {
            return false;
        }
        for (JsonNode child : node) {
            if (!countDown(child, left)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(int index, JsonNode operation) {
        return "operation " + index + " (" + operation.path("op").asText() + " "
                + InputText.quoted(operation.path("path").asText()) + ")";
    }

    /** zjsonpatch's own message names its classes; this says which operation failed and why, in our words. */
    private static String cannotApply(int index, JsonNode operation, JsonPatchApplicationException e) {
        if (e.getOperation() == Operation.TEST) {
            return describe(index, operation) + " failed: the value there differs";
        }
        return describe(index, operation) + " cannot be applied: a path it names does not exist in the document";
    }

    private static void checkOperations(JsonNode patch, Set<String> allowedFields) {
        if (patch == null || !patch.isArray()) {
            throw ApiException.badRequest("The body must be a JSON Patch: an array of operations (RFC 6902)");
        }
        if (patch.size() > MAX_OPERATIONS) {
            throw ApiException.limit("A JSON Patch holds at most " + MAX_OPERATIONS + " operations");
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < patch.size(); i++) {
            JsonNode operation = patch.get(i);
            String at = "operation " + i + ": ";
            if (!operation.isObject()) {
                problems.add(at + "must be an object");
                continue;
            }
            JsonNode op = operation.get("op");
            if (op == null || !op.isTextual() || !OPS.contains(op.asText())) {
                problems.add(at + "op must be one of " + String.join(", ", new TreeSet<>(OPS)));
                continue;
            }
            String name = op.asText();
            checkPointer(problems, at, "path", operation.get("path"), allowedFields);
            if (name.equals("move") || name.equals("copy")) {
                checkPointer(problems, at, "from", operation.get("from"), allowedFields);
            }
            if ((name.equals("add") || name.equals("replace") || name.equals("test")) && !operation.has("value")) {
                problems.add(at + name + " needs a value");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
    }

    private static void checkPointer(List<String> problems, String at, String member, JsonNode pointer,
                                     Set<String> allowedFields) {
        if (pointer == null || !pointer.isTextual()) {
            problems.add(at + member + " is required and must be a JSON Pointer string");
            return;
        }
        String path = pointer.asText();
        String field = topLevelField(path);
        if (field == null || !allowedFields.contains(field)) {
            problems.add(at + member + " " + InputText.quoted(path) + " is not patchable; patchable fields are "
                    + String.join(", ", new TreeSet<>(allowedFields)));
        }
    }

    /** The unescaped first reference token of a JSON Pointer, or null for the root or a pointer without "/". */
    static String topLevelField(String pointer) {
        if (!pointer.startsWith("/")) {
            return null;
        }
        int end = pointer.indexOf('/', 1);
        String token = end < 0 ? pointer.substring(1) : pointer.substring(1, end);
        return token.replace("~1", "/").replace("~0", "~");
    }
}
