package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.source.SourceFixtures.body;
import static org.nelm.source.SourceFixtures.ref;
import static org.nelm.source.SourceFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.security.ClientCredentials;
import org.nelm.security.RoleContext;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Operations 21 and 27-32 over HTTP, in the /v3 and the per-API /v1 family, with every error they can give. */
@ApiIntegration
class SchemaAttributeIT {

    static final List<String> FAMILIES = SourceFixtures.FAMILIES;
    static final String HEADER = "accountName,firstName,lastName,phone,email,manager,startDate,endDate";

    @LocalServerPort
    int port;
    @Autowired
    IdentityDirectory directory;
    @Autowired
    ClientCredentials clients;

    SourceFixtures fixtures;
    Api admin;
    Api manager1;

    @BeforeEach
    void setUp() {
        fixtures = new SourceFixtures(port);
        admin = fixtures.admin();
        manager1 = Api.as(port, "manager1");
    }

    @AfterEach
    void deleteCreatedSources() {
        fixtures.deleteCreated();
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void theSystemAttributesHaveTheReferencesNamesLabelsAndTypes(String family) {
        String base = source(family);

        JsonNode attributes = admin.get(base + "/schema-attributes").json();

        assertThat(StreamSupport.stream(attributes.spliterator(), false)
                .map(a -> a.get("technicalName").asText() + "|" + a.get("label").asText() + "|" + a.get("type").asText()
                        + "|" + a.get("system").asBoolean() + "|" + a.get("required").asBoolean()))
                .containsExactly("accountName|Account Name|TEXT|true|true", "firstName|First Name|TEXT|true|true",
                        "lastName|Last Name|TEXT|true|true", "phone|Phone|TEXT|true|true", "email|Email|TEXT|true|true",
                        "manager|Manager|IDENTITY|true|true", "startDate|Start Date|DATE|true|true",
                        "endDate|End Date|DATE|true|true");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void aCustomAttributeIsCreatedListedAfterTheSystemOnesAndReadable(String family) {
        String base = source(family);
        Map<String, Object> body = new LinkedHashMap<>(attribute("costCenter"));
        body.put("helpText", "Where the cost goes");
        body.put("placeholder", "CC-1234");
        body.put("required", true);

        ApiResponse created = admin.post(base + "/schema-attributes", body);
        String id = created.json().get("id").asText();
        JsonNode listed = admin.get(base + "/schema-attributes").json();
        ApiResponse read = admin.get(base + "/schema-attributes/" + id);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("system").asBoolean()).isFalse();
        assertThat(created.json().get("type").asText()).isEqualTo("TEXT");
        assertThat(created.json().get("label").asText()).isEqualTo("Label of costCenter");
        assertThat(created.json().get("helpText").asText()).isEqualTo("Where the cost goes");
        assertThat(created.json().get("placeholder").asText()).isEqualTo("CC-1234");
        assertThat(created.json().get("required").asBoolean()).isTrue();
        assertThat(listed).hasSize(9);
        assertThat(listed.get(8).get("id").asText()).isEqualTo(id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created.json());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void theTemplateIsTheCsvHeaderOfTheSchemaWhateverTheClientAccepts(String family) {
        String base = source(family);
        admin.post(base + "/schema-attributes", attribute("costCenter"));
        admin.post(base + "/schema-attributes", attribute("badge.number"));
        String path = base + "/schema-attributes-template/download";

        for (String accept : List.of("text/csv", "text/csv, application/json", "*/*", "application/json")) {
            ApiResponse csv = admin.get(path, accept);

            assertThat(csv.status()).as(accept).isEqualTo(200);
            assertThat(csv.header("Content-Type")).as(accept).startsWith("text/csv");
            assertThat(csv.text()).as(accept).isEqualTo(HEADER + ",costCenter,badge.number\n");
        }
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void onlyTextAttributesWithATechnicalNameAndALabelCanBeCreated(String family) {
        String base = source(family) + "/schema-attributes";

        ApiResponse date = admin.post(base, Map.of("type", "DATE", "technicalName", "birthday", "label", "Birthday"));
        ApiResponse empty = admin.post(base, Map.of());
        ApiResponse badName = admin.post(base, Map.of("type", "TEXT", "technicalName", "cost,center", "label", "x"));
        ApiResponse wrongType = admin.send("POST", base, "application/json",
                "{\"type\":\"TEXT\",\"technicalName\":\"x\",\"label\":\"x\",\"required\":\"often\"}", null);

        assertThat(date.status()).isEqualTo(400);
        assertThat(date.messageText()).contains("type must be TEXT");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.messageText()).contains("type is required;", "technicalName is required;", "label is required;");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.messageText()).contains("technicalName \"cost,center\"");
        assertThat(wrongType.status()).isEqualTo(400);
        for (ApiResponse response : List.of(date, empty, badName, wrongType)) {
            assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        }
        assertThat(admin.get(base).json()).hasSize(8);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void aTechnicalNameTakenInTheSourceInAnyCaseIsAReferenceConflict(String family) {
        String base = source(family) + "/schema-attributes";
        admin.post(base, attribute("costCenter"));

        ApiResponse custom = admin.post(base, attribute("COSTCENTER"));
        ApiResponse system = admin.post(base, attribute("email"));
        ApiResponse otherSource = admin.post(source(family) + "/schema-attributes", attribute("costCenter"));

        assertThat(custom.status()).isEqualTo(400);
        assertThat(custom.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(system.status()).isEqualTo(400);
        assertThat(system.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(otherSource.status()).isEqualTo(200);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void theEleventhCustomAttributeIsALimitViolation(String family) {
        String base = source(family) + "/schema-attributes";
        for (int i = 1; i <= 10; i++) {
            assertThat(admin.post(base, attribute("custom" + i)).status()).isEqualTo(200);
        }

        ApiResponse eleventh = admin.post(base, attribute("custom11"));

        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.detailCode()).isEqualTo("400.1.4 Limit violation");
        assertThat(admin.get(base).json()).hasSize(18);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchChangesLabelHelpTextPlaceholderAndRequired(String family) {
        String base = source(family) + "/schema-attributes";
        JsonNode created = admin.post(base, attribute("costCenter")).json();

        ApiResponse patched = admin.patch(base + "/" + created.get("id").asText(), List.of(
                Map.of("op", "replace", "path", "/label", "value", "Cost center"),
                Map.of("op", "replace", "path", "/helpText", "value", "Four digits"),
                Map.of("op", "add", "path", "/placeholder", "value", "1234"),
                Map.of("op", "replace", "path", "/required", "value", true)));
        ApiResponse cleared = admin.patch(base + "/" + created.get("id").asText(), List.of(
                Map.of("op", "remove", "path", "/helpText")));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("label").asText()).isEqualTo("Cost center");
        assertThat(patched.json().get("helpText").asText()).isEqualTo("Four digits");
        assertThat(patched.json().get("placeholder").asText()).isEqualTo("1234");
        assertThat(patched.json().get("required").asBoolean()).isTrue();
        assertThat(patched.json().get("technicalName").asText()).isEqualTo("costCenter");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().has("helpText")).isFalse();
        assertThat(cleared.json().get("placeholder").asText()).isEqualTo("1234");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchOfOtherFieldsOfSystemAttributesOrInvalidResultsIsABadRequest(String family) {
        String base = source(family) + "/schema-attributes";
        String custom = base + "/" + admin.post(base, attribute("costCenter")).json().get("id").asText();
        String system = base + "/" + admin.get(base).json().get(0).get("id").asText();

        for (Object patch : List.of(
                List.of(Map.of("op", "replace", "path", "/technicalName", "value", "other")),
                List.of(Map.of("op", "replace", "path", "/type", "value", "DATE")),
                List.of(Map.of("op", "replace", "path", "/system", "value", true)),
                List.of(Map.of("op", "replace", "path", "/label", "value", Map.of("new attribute label", "x"))),
                List.of(Map.of("op", "remove", "path", "/label")),
                List.of(Map.of("op", "remove", "path", "/required")),
                "[")) {
            ApiResponse response = admin.patch(custom, patch);

            assertThat(response.status()).as(patch.toString()).isEqualTo(400);
            assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        }
        ApiResponse systemPatch = admin.patch(system, List.of(Map.of("op", "replace", "path", "/label", "value", "x")));
        assertThat(systemPatch.status()).isEqualTo(400);
        assertThat(systemPatch.messageText()).contains("system attribute accountName cannot be changed");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void deleteOneRemovesACustomAttributeButNeverASystemOne(String family) {
        String base = source(family) + "/schema-attributes";
        String custom = admin.post(base, attribute("costCenter")).json().get("id").asText();
        String system = admin.get(base).json().get(0).get("id").asText();

        ApiResponse deleted = admin.delete(base + "/" + custom);
        ApiResponse again = admin.delete(base + "/" + custom);
        ApiResponse systemDelete = admin.delete(base + "/" + system);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(404);
        assertThat(systemDelete.status()).isEqualTo(400);
        assertThat(systemDelete.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(admin.get(base).json()).hasSize(8);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void deleteAllRemovesEveryCustomAttributeAndKeepsTheSystemOnes(String family) {
        String base = source(family) + "/schema-attributes";
        admin.post(base, attribute("costCenter"));
        admin.post(base, attribute("badge"));

        ApiResponse deleted = admin.delete(base);

        assertThat(deleted.status()).isEqualTo(204);
        JsonNode left = admin.get(base).json();
        assertThat(left).hasSize(8);
        left.forEach(a -> assertThat(a.get("system").asBoolean()).isTrue());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void readsAreForReadersAndTheSourcesAccountManagers(String family) {
        var managed = body(unique("Managed"));
        managed.put("accountManagers", List.of(ref("manager1")));
        String base = family + "/" + fixtures.create(family, managed).get("id").asText();
        String attributeId = admin.get(base + "/schema-attributes").json().get(0).get("id").asText();
        Api stranger = Api.as(port, "approver1");
        Api reader = SourceFixtures.withRole(port, directory, clients, RoleContext.NESR_READ);

        for (String path : List.of(base + "/schema-attributes", base + "/schema-attributes/" + attributeId,
                base + "/schema-attributes-template/download")) {
            assertThat(manager1.get(path, "*/*").status()).as(path).isEqualTo(200);
            assertThat(reader.get(path, "*/*").status()).as(path).isEqualTo(200);
            ApiResponse refused = stranger.get(path, "*/*");
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.detailCode()).isEqualTo("403 Forbidden");
            assertThat(Api.anonymous(port).get(path).status()).as(path).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void unknownSourcesAndAttributesAreNotFound(String family) {
        String base = source(family);
        String unknownSource = family + "/no-such-source";

        for (ApiResponse response : List.of(
                admin.get(unknownSource + "/schema-attributes"),
                admin.post(unknownSource + "/schema-attributes", attribute("costCenter")),
                admin.delete(unknownSource + "/schema-attributes"),
                admin.get(unknownSource + "/schema-attributes-template/download", "text/csv"),
                admin.get(base + "/schema-attributes/no-such-attribute"),
                admin.patch(base + "/schema-attributes/no-such-attribute",
                        List.of(Map.of("op", "replace", "path", "/label", "value", "x"))),
                admin.delete(base + "/schema-attributes/no-such-attribute"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.detailCode()).isEqualTo("404 Not found");
        }
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void writesNeedTheirRoleContextAndTheManageScope(String family) {
        var managed = body(unique("Managed"));
        managed.put("accountManagers", List.of(ref("manager1")));
        String base = family + "/" + fixtures.create(family, managed).get("id").asText() + "/schema-attributes";
        String custom = base + "/" + admin.post(base, attribute("costCenter")).json().get("id").asText();
        var relabel = List.of(Map.of("op", "replace", "path", "/label", "value", "x"));
        Api readOnly = SourceFixtures.readOnlyAdmin(port);

        for (Api refused : List.of(manager1, readOnly)) {
            assertForbidden(refused.post(base, attribute("other")));
            assertForbidden(refused.patch(custom, relabel));
            assertForbidden(refused.delete(custom));
            assertForbidden(refused.delete(base));
        }
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.post(base, attribute("other")).status()).isEqualTo(401);
        assertThat(anonymous.patch(custom, relabel).status()).isEqualTo(401);
        assertThat(anonymous.delete(custom).status()).isEqualTo(401);
        assertThat(anonymous.delete(base).status()).isEqualTo(401);
        assertThat(role(RoleContext.NESR_CREATE).post(base, attribute("other")).status()).isEqualTo(200);
        assertThat(role(RoleContext.NESR_UPDATE).patch(custom, relabel).status()).isEqualTo(200);
        assertThat(role(RoleContext.NESR_DELETE).delete(custom).status()).isEqualTo(204);
        assertThat(role(RoleContext.NESR_DELETE).delete(base).status()).isEqualTo(204);
    }

    private void assertForbidden(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.detailCode()).isEqualTo("403 Forbidden");
    }

    private Api role(RoleContext role) {
        return SourceFixtures.withRole(port, directory, clients, role);
    }

    /** The family path of a fresh source, e.g. /v3/non-employee-sources/{id}. */
    private String source(String family) {
        return family + "/" + fixtures.create(family).get("id").asText();
    }

    private static Map<String, Object> attribute(String technicalName) {
        return Map.of("type", "TEXT", "technicalName", technicalName, "label", "Label of " + technicalName);
    }
}
