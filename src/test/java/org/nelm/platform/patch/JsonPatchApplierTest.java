package org.nelm.platform.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;

class JsonPatchApplierTest {

    record Thing(String name, String description, List<String> tags, Boolean flag) {
    }

    private static final Set<String> ALLOWED = Set.of("name", "description", "tags", "flag");
    private final ObjectMapper json = new ObjectMapper();
    private final JsonPatchApplier applier = new JsonPatchApplier(json);
    private final Thing thing = new Thing("old", null, List.of("a", "b"), false);

    @Test
    void replaceAddRemoveMoveCopyAndTestWorkOnAllowedFields() throws Exception {
        Thing result = applier.apply(patch("""
                [{"op":"test","path":"/name","value":"old"},
                 {"op":"replace","path":"/name","value":"new"},
                 {"op":"replace","path":"/description","value":"was null"},
                 {"op":"add","path":"/tags/-","value":"c"},
                 {"op":"remove","path":"/tags/0"},
                 {"op":"copy","from":"/name","path":"/description"},
                 {"op":"replace","path":"/flag","value":true}]"""), thing, ALLOWED, Thing.class);

        assertThat(result).isEqualTo(new Thing("new", "new", List.of("b", "c"), true));
    }

    @Test
    void theTargetIsLeftUnchanged() throws Exception {
        JsonNode target = json.valueToTree(thing);

        applier.apply(patch("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"x\"}]"), target, ALLOWED);

        assertThat(target.get("name").asText()).isEqualTo("old");
    }

    @Test
    void aPathOutsideTheAllowedFieldsIsRefusedNamingIt() {
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]", "\"/id\" is not patchable");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]", "\"\" is not patchable");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"name\",\"value\":\"x\"}]", "\"name\" is not patchable");
    }

    @Test
    void theFromOfMoveAndCopyMustBeAllowedToo() {
        assertBadRequest("[{\"op\":\"copy\",\"from\":\"/secret\",\"path\":\"/name\"}]", "from \"/secret\" is not patchable");
        assertBadRequest("[{\"op\":\"move\",\"path\":\"/name\"}]", "from is required");
    }

    @Test
    void malformedPatchesAreBadRequests() {
        assertBadRequest("{\"op\":\"replace\"}", "array of operations");
        assertBadRequest("[42]", "must be an object");
        assertBadRequest("[{\"op\":\"frobnicate\",\"path\":\"/name\"}]", "op must be one of");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/name\"}]", "replace needs a value");
        assertBadRequest("[{\"op\":\"replace\",\"path\":7,\"value\":\"x\"}]", "path is required");
    }

    @Test
    void failingOperationsAreBadRequests() {
        assertBadRequest("[{\"op\":\"test\",\"path\":\"/name\",\"value\":\"other\"}]",
                "operation 0 (test \"/name\") failed: the value there differs");
        assertBadRequest("[{\"op\":\"remove\",\"path\":\"/tags/9\"}]",
                "operation 0 (remove \"/tags/9\") cannot be applied");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/name/deeper\",\"value\":\"x\"}]", "cannot be applied");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/tags/~2\",\"value\":\"x\"}]", "not a JSON Pointer");
    }

    @Test
    void aPatchCannotGrowTheDocumentWithoutBound() {
        String doubling = "{\"op\":\"copy\",\"from\":\"/tags\",\"path\":\"/tags/-\"}";
        String patch = "[" + String.join(",", java.util.Collections.nCopies(40, doubling)) + "]";

        assertThatThrownBy(() -> applier.apply(patch(patch), thing, ALLOWED, Thing.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.detailCode()).isEqualTo(DetailCode.LIMIT_VIOLATION);
                    assertThat(e.texts()).singleElement().asString()
                            .startsWith("operation 8 (copy \"/tags/-\") makes the document hold more than 1000");
                });
    }

    @Test
    void aPatchHoldsAtMostOneHundredOperations() {
        String test = "{\"op\":\"test\",\"path\":\"/name\",\"value\":\"old\"}";

        assertThatThrownBy(() -> applier.apply(patch("[" + String.join(",", java.util.Collections.nCopies(101, test))
                + "]"), thing, ALLOWED, Thing.class))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.detailCode()).isEqualTo(DetailCode.LIMIT_VIOLATION));
    }

    @Test
    void aResultOfTheWrongTypeNamesTheField() {
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/name\",\"value\":{\"new name\":null}}]",
                "field name must be a string after applying the patch");
        assertBadRequest("[{\"op\":\"replace\",\"path\":\"/flag\",\"value\":[1]}]",
                "field flag must be true or false after applying the patch");
    }

    @Test
    void anEmptyPatchChangesNothing() throws Exception {
        assertThat(applier.apply(patch("[]"), thing, ALLOWED, Thing.class)).isEqualTo(thing);
    }

    @Test
    void escapedPointerTokensAreUnescapedBeforeTheCheck() {
        assertThat(JsonPatchApplier.topLevelField("/a~1b/c")).isEqualTo("a/b");
        assertThat(JsonPatchApplier.topLevelField("/a~0b")).isEqualTo("a~b");
        assertThat(JsonPatchApplier.topLevelField("a")).isNull();
    }

    private void assertBadRequest(String patch, String text) {
        assertThatThrownBy(() -> applier.apply(patch(patch), thing, ALLOWED, Thing.class))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.detailCode()).isEqualTo(DetailCode.BAD_REQUEST);
                    assertThat(String.join("\n", e.texts())).contains(text)
                            .doesNotContain("zjsonpatch").doesNotContain("org.nelm").doesNotContain("Exception");
                });
    }

    private JsonNode patch(String text) throws Exception {
        return json.readTree(text);
    }
}
