package org.nelm.platform.patch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.nelm.platform.error.ApiException;
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
            throw ApiException.badRequest("Invalid value for field " + field(e) + " after applying the patch");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("The patched object is invalid: " + e.getMessage());
        }
    }

    /** The patched copy of {@code target}; {@code target} itself is left unchanged. */
    public JsonNode apply(JsonNode patch, JsonNode target, Set<String> allowedFields) {
        checkOperations(patch, allowedFields);
        try {
            return JsonPatch.apply(patch, target, CompatibilityFlags.defaults());
        } catch (JsonPatchApplicationException e) {
            throw ApiException.badRequest("JSON Patch cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            // zjsonpatch signals malformed pointers and values with unchecked exceptions of its own
            throw ApiException.badRequest("Invalid JSON Patch: " + e.getMessage());
        }
    }

    private static void checkOperations(JsonNode patch, Set<String> allowedFields) {
        if (patch == null || !patch.isArray()) {
            throw ApiException.badRequest("The body must be a JSON Patch: an array of operations (RFC 6902)");
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
            problems.add(at + member + " \"" + path + "\" is not patchable; patchable fields are "
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

    private static String field(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }
}
