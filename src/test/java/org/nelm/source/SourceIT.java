package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.source.SourceFixtures.body;
import static org.nelm.source.SourceFixtures.ref;
import static org.nelm.source.SourceFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.record.NonEmployee;
import org.nelm.record.RecordService;
import org.nelm.security.ClientCredentials;
import org.nelm.security.RoleContext;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.ApiIntegration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Operations 13-17 over HTTP, in the /v3 and the per-API /v1 family, with every error the reference lists. */
@ApiIntegration
class SourceIT {

    static final List<String> FAMILIES = SourceFixtures.FAMILIES;

    @LocalServerPort
    int port;
    @Autowired
    IdentityDirectory directory;
    @Autowired
    ClientCredentials clients;
    @Autowired
    RecordService records;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

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

    // ---- create -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void createAnswersTheSourceWithCloudExternalIdAndResolvedReferences(String family) {
        String name = unique("Retail");
        var body = body(name);
        body.put("managementWorkgroup", "nelm-approvers");
        body.put("approvers", List.of(ref("approver1"), ref("nelm-approvers"),
                Map.of("type", "IDENTITY", "id", "approver3")));
        body.put("accountManagers", List.of(ref("manager1"), ref("requester1")));

        JsonNode source = fixtures.create(family, body);

        assertThat(source.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(source.get("sourceId").asText()).matches("[0-9a-f-]{36}").isNotEqualTo(source.get("id").asText());
        assertThat(source.get("cloudExternalId").asText()).matches("[0-9]{6}");
        assertThat(source.get("name").asText()).isEqualTo(name);
        assertThat(source.get("description").asText()).isEqualTo("Contractors of " + name);
        assertThat(source.get("approvers").toString()).isEqualTo("[{\"type\":\"IDENTITY\",\"id\":\"approver1\"},"
                + "{\"type\":\"GOVERNANCE_GROUP\",\"id\":\"nelm-approvers\"},{\"type\":\"IDENTITY\",\"id\":\"approver3\"}]");
        assertThat(source.get("accountManagers").toString())
                .isEqualTo("[{\"type\":\"IDENTITY\",\"id\":\"manager1\"},{\"type\":\"IDENTITY\",\"id\":\"requester1\"}]");
        assertThat(source.get("created").asText()).isEqualTo(source.get("modified").asText());
        assertThat(OffsetDateTime.parse(source.get("created").asText())).isBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(source.has("owner")).isFalse();
        assertThat(source.has("managementWorkgroup")).isFalse();
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void everyNewSourceHasTheEightSystemAttributes(String family) {
        JsonNode source = fixtures.create(family);

        JsonNode attributes = admin.get(family + "/" + source.get("id").asText() + "/schema-attributes").json();

        assertThat(attributes).hasSize(8);
        assertThat(StreamSupport.stream(attributes.spliterator(), false).map(a -> a.get("technicalName").asText()))
                .containsExactly("accountName", "firstName", "lastName", "phone", "email", "manager", "startDate",
                        "endDate");
        attributes.forEach(a -> {
            assertThat(a.get("system").asBoolean()).isTrue();
            assertThat(a.get("required").asBoolean()).isTrue();
        });
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void missingRequiredFieldsAreAllNamedInOneBadRequest(String family) {
        ApiResponse response = admin.post(family, Map.of("managementWorkgroup", "nelm-approvers"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).contains("name is required;", "description is required;",
                "owner.id is required;");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void referencesToUnknownIdentitiesOrGroupsAreBadRequestsNamingThem(String family) {
        var body = body(unique("Refs"));
        body.put("owner", ref("nobody-owner"));
        body.put("managementWorkgroup", "no-such-workgroup");
        body.put("approvers", List.of(ref("nobody-approver"), Map.of("type", "GOVERNANCE_GROUP", "id", "approver1")));
        body.put("accountManagers", List.of(ref("nelm-approvers"), ref("nobody-manager")));

        ApiResponse response = admin.post(family, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(response.messageText()).contains("owner.id \"nobody-owner\" is not an identity",
                "managementWorkgroup \"no-such-workgroup\" is not a governance group",
                "approvers[0] \"nobody-approver\" is neither an identity nor a governance group",
                "approvers[1] \"approver1\" is not a governance group",
                "accountManagers[0] \"nelm-approvers\" is not an identity",
                "accountManagers[1] \"nobody-manager\" is not an identity");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void moreThanThreeApproversOrTenAccountManagersAreBadRequests(String family) {
        var tooManyApprovers = body(unique("Approvers"));
        tooManyApprovers.put("approvers", List.of(ref("approver1"), ref("approver2"), ref("approver3"), ref("admin")));
        var tooManyManagers = body(unique("Managers"));
        List<Map<String, String>> managers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            managers.add(ref("manager1"));
        }
        tooManyManagers.put("accountManagers", managers);

        ApiResponse approvers = admin.post(family, tooManyApprovers);
        ApiResponse accountManagers = admin.post(family, tooManyManagers);

        assertThat(approvers.status()).isEqualTo(400);
        assertThat(approvers.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(approvers.messageText()).contains("approvers holds at most 3 approvers");
        assertThat(accountManagers.status()).isEqualTo(400);
        assertThat(accountManagers.messageText()).contains("accountManagers holds at most 10 identities");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void aRepeatedApproverOrAccountManagerIsABadRequest(String family) {
        var body = body(unique("Twice"));
        body.put("approvers", List.of(ref("approver1"), ref("approver1")));
        body.put("accountManagers", List.of(ref("manager1"), ref("manager1")));

        ApiResponse response = admin.post(family, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.messageText()).contains("approvers[1] \"approver1\" is already an approver",
                "accountManagers[1] \"manager1\" is listed twice");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void malformedJsonIsABadRequest(String family) {
        ApiResponse broken = admin.send("POST", family, "application/json", "{\"name\": ", null);
        ApiResponse wrongType = admin.send("POST", family, "application/json", "{\"name\": [1]}", null);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.detailCode()).isEqualTo("400.1 Bad Request Content");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.messageText()).contains("name");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void aNameTakenInAnyCaseIsAReferenceConflict(String family) {
        String name = unique("Unique");
        fixtures.create(family, body(name));

        ApiResponse response = admin.post(family, body("  " + name.toUpperCase() + " "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(response.messageText()).contains(name.toUpperCase());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void createNeedsATokenTheManageScopeAndOrgAdmin(String family) {
        var body = body(unique("Refused"));

        ApiResponse anonymous = Api.anonymous(port).post(family, body);
        ApiResponse noRole = manager1.post(family, body);
        ApiResponse readScope = SourceFixtures.readOnlyAdmin(port).post(family, body);
        ApiResponse createRoleOnly = withRole(RoleContext.NESR_CREATE).post(family, body);
        ApiResponse orgAdmin = admin.post(family, body);
        fixtures.remember(orgAdmin.json().path("id").asText());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().has("error")).isTrue();
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.detailCode()).isEqualTo("403 Forbidden");
        assertThat(readScope.status()).isEqualTo(403);
        assertThat(createRoleOnly.status()).as("contract: x-sailpoint-userLevels ORG_ADMIN only").isEqualTo(403);
        assertThat(createRoleOnly.messageText()).contains("ORG_ADMIN");
        assertThat(orgAdmin.status()).isEqualTo(200);
    }

    @Test
    void theDatedFamiliesServeTheSameSourcesAndSchemas() {
        String id = fixtures.create("/v2026/non-employee-sources").get("id").asText();

        for (String version : List.of("v2024", "v2025", "v2026")) {
            String base = "/" + version + "/non-employee-sources/" + id;
            assertThat(admin.get(base).json().get("id").asText()).as(version).isEqualTo(id);
            assertThat(admin.get(base + "/schema-attributes").json()).as(version).hasSize(8);
            assertThat(ids(admin.get("/" + version + "/non-employee-sources"))).as(version).contains(id);
        }
    }

    // ---- list ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void withReadRoleContextTheListHasAllSourcesAndRequestedForNarrowsToAManagersSources(String family) {
        String managed = managedSource(family, "manager1").get("id").asText();
        String other = fixtures.create(family).get("id").asText();

        List<String> all = ids(admin.get(family + "?limit=250"));
        List<String> ofManager1 = ids(admin.get(family + "?requested-for=manager1"));
        List<String> asReader = ids(withRole(RoleContext.NESR_READ).get(family));

        assertThat(all).contains(managed, other);
        assertThat(ofManager1).contains(managed).doesNotContain(other);
        assertThat(asReader).contains(managed, other);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void anAccountManagerListsOnlyTheSourcesTheyManageAndMayNameOnlyThemselves(String family) {
        String managed = managedSource(family, "manager1").get("id").asText();
        String other = fixtures.create(family).get("id").asText();

        ApiResponse me = manager1.get(family + "?requested-for=me");
        ApiResponse ownId = manager1.get(family + "?requested-for=manager1");
        ApiResponse omitted = manager1.get(family);
        ApiResponse someoneElse = manager1.get(family + "?requested-for=approver1");

        assertThat(ids(me)).contains(managed).doesNotContain(other);
        assertThat(ids(ownId)).contains(managed).doesNotContain(other);
        assertThat(ids(omitted)).contains(managed).doesNotContain(other);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.detailCode()).isEqualTo("403 Forbidden");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void nonEmployeeCountIsFilledOnlyWhenAskedFor(String family) {
        JsonNode source = fixtures.create(family);
        String id = source.get("id").asText();
        records.create(new NonEmployee(id, "count." + id.substring(0, 8), "Ann", "Count", "ann@example.com",
                "5125555555", "manager1", Map.of(), OffsetDateTime.now(), OffsetDateTime.now().plusDays(30)), "system", null);
        String empty = fixtures.create(family).get("id").asText();

        JsonNode withCount = byId(admin.get(family + "?non-employee-count=true"));
        JsonNode without = byId(admin.get(family));

        assertThat(withCount.get(id).get("nonEmployeeCount").asInt()).isEqualTo(1);
        assertThat(withCount.get(empty).get("nonEmployeeCount").asInt()).isZero();
        assertThat(without.get(id).path("nonEmployeeCount").isMissingNode()
                || without.get(id).get("nonEmployeeCount").isNull()).isTrue();
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void pagingCountAndTheSortersOfTheReferenceWork(String family) {
        String prefix = unique("Sort");
        List<String> created = new ArrayList<>();
        for (String suffix : List.of("b", "c", "a")) {
            created.add(fixtures.create(family, body(prefix + " " + suffix)).get("id").asText());
        }

        ApiResponse counted = admin.get(family + "?count=true&limit=1");
        List<String> byName = names(admin.get(family + "?sorters=name"), prefix);
        List<String> byNameDescending = names(admin.get(family + "?sorters=-name"), prefix);
        List<String> byCreated = ids(admin.get(family + "?sorters=created,sourceId"));
        ApiResponse bySourceId = admin.get(family + "?sorters=-sourceId");
        ApiResponse offset = admin.get(family + "?sorters=created&offset=1&limit=1");

        assertThat(counted.json()).hasSize(1);
        assertThat(Integer.parseInt(counted.header("X-Total-Count"))).isGreaterThanOrEqualTo(3);
        assertThat(byName).containsExactly(prefix + " a", prefix + " b", prefix + " c");
        assertThat(byNameDescending).containsExactly(prefix + " c", prefix + " b", prefix + " a");
        assertThat(byCreated.stream().filter(created::contains).toList()).containsExactlyElementsOf(created);
        assertThat(bySourceId.status()).isEqualTo(200);
        assertThat(offset.json()).hasSize(1);
        assertThat(offset.json().get(0).get("id").asText()).isEqualTo(ids(admin.get(family + "?sorters=created")).get(1));
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void unsupportedSortersFiltersAndPagingValuesAreBadRequests(String family) {
        for (String query : List.of("?sorters=description", "?sorters=id", "?filters=name%20eq%20%22x%22",
                "?limit=251", "?offset=-1", "?count=maybe", "?non-employee-count=perhaps")) {
            ApiResponse response = admin.get(family + query);

            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.detailCode()).as(query).isEqualTo("400.1 Bad Request Content");
        }
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void listingNeedsAToken(String family) {
        assertThat(Api.anonymous(port).get(family).status()).isEqualTo(401);
    }

    // ---- get ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void getAnswersTheSourceToReadersAndToItsAccountManagersOnly(String family) {
        JsonNode managed = managedSource(family, "manager1");
        String other = fixtures.create(family).get("id").asText();
        String id = managed.get("id").asText();

        ApiResponse asAdmin = admin.get(family + "/" + id);
        ApiResponse asManager = manager1.get(family + "/" + id);
        ApiResponse notManaged = manager1.get(family + "/" + other);

        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().get("name").asText()).isEqualTo(managed.get("name").asText());
        assertThat(asAdmin.json().has("cloudExternalId")).isFalse();
        assertThat(asManager.status()).isEqualTo(200);
        assertThat(notManaged.status()).isEqualTo(403);
        assertThat(notManaged.detailCode()).isEqualTo("403 Forbidden");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void anUnknownSourceIsNotFoundAndAnonymousCallersAreUnauthorized(String family) {
        ApiResponse unknown = admin.get(family + "/no-such-source");
        ApiResponse anonymous = Api.anonymous(port).get(family + "/no-such-source");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detailCode()).isEqualTo("404 Not found");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    // ---- patch --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchChangesNameDescriptionApproversAndAccountManagers(String family) {
        JsonNode source = fixtures.create(family);
        String id = source.get("id").asText();
        String name = unique("Renamed");

        ApiResponse response = admin.patch(family + "/" + id, List.of(
                Map.of("op", "replace", "path", "/name", "value", name),
                Map.of("op", "replace", "path", "/description", "value", "New description"),
                Map.of("op", "replace", "path", "/approvers", "value", List.of("approver1", "nelm-approvers")),
                Map.of("op", "add", "path", "/approvers/-", "value", Map.of("id", "approver3")),
                Map.of("op", "add", "path", "/accountManagers", "value", List.of(Map.of("id", "manager1")))));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode patched = response.json();
        assertThat(patched.get("name").asText()).isEqualTo(name);
        assertThat(patched.get("description").asText()).isEqualTo("New description");
        assertThat(patched.get("approvers").toString()).isEqualTo("[{\"type\":\"IDENTITY\",\"id\":\"approver1\"},"
                + "{\"type\":\"GOVERNANCE_GROUP\",\"id\":\"nelm-approvers\"},{\"type\":\"IDENTITY\",\"id\":\"approver3\"}]");
        assertThat(patched.get("accountManagers").toString()).isEqualTo("[{\"type\":\"IDENTITY\",\"id\":\"manager1\"}]");
        assertThat(patched.get("created").asText()).isEqualTo(source.get("created").asText());
        assertThat(OffsetDateTime.parse(patched.get("modified").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(source.get("modified").asText()));
        assertThat(admin.get(family + "/" + id).json().get("name").asText()).isEqualTo(name);
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchAcceptsPlainApplicationJsonAndRemoveOperations(String family) {
        var body = body(unique("Removal"));
        body.put("approvers", List.of(ref("approver1"), ref("approver2")));
        String id = fixtures.create(family, body).get("id").asText();

        ApiResponse response = admin.send("PATCH", family + "/" + id, "application/json",
                List.of(Map.of("op", "remove", "path", "/approvers/0")), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("approvers").toString()).isEqualTo("[{\"type\":\"IDENTITY\",\"id\":\"approver2\"}]");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchOfAnyOtherFieldOrAnInvalidPatchIsABadRequestAndChangesNothing(String family) {
        JsonNode source = fixtures.create(family);
        String path = family + "/" + source.get("id").asText();

        for (Object patch : List.of(
                List.of(Map.of("op", "replace", "path", "/owner", "value", Map.of("id", "approver1"))),
                List.of(Map.of("op", "replace", "path", "/id", "value", "x")),
                List.of(Map.of("op", "replace", "path", "/cloudExternalId", "value", "1")),
                List.of(Map.of("op", "replace", "path", "/name", "value", "ok"), Map.of("op", "replace", "path", "/sourceId", "value", "x")),
                List.of(Map.of("op", "jump", "path", "/name")),
                List.of(Map.of("op", "replace", "path", "/name")),
                List.of(Map.of("op", "replace", "path", "/name", "value", Map.of("new name", "x"))),
                List.of(Map.of("op", "remove", "path", "/approvers/5")),
                Map.of("op", "replace", "path", "/name", "value", "x"),
                "not json")) {
            ApiResponse response = admin.patch(path, patch);

            assertThat(response.status()).as(patch.toString()).isEqualTo(400);
            assertThat(response.detailCode()).isEqualTo("400.1 Bad Request Content");
        }
        assertThat(admin.get(path).json().get("name").asText()).isEqualTo(source.get("name").asText());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void thePatchedSourceIsValidatedLikeACreate(String family) {
        String path = family + "/" + fixtures.create(family).get("id").asText();

        ApiResponse blankName = admin.patch(path, List.of(Map.of("op", "replace", "path", "/name", "value", " ")));
        ApiResponse noDescription = admin.patch(path, List.of(Map.of("op", "remove", "path", "/description")));
        ApiResponse fourApprovers = admin.patch(path, List.of(Map.of("op", "replace", "path", "/approvers",
                "value", List.of("approver1", "approver2", "approver3", "admin"))));
        ApiResponse unknownManager = admin.patch(path, List.of(Map.of("op", "add", "path", "/accountManagers/-",
                "value", "nobody-at-all")));

        assertThat(blankName.messageText()).contains("name is required");
        assertThat(noDescription.messageText()).contains("description is required");
        assertThat(fourApprovers.messageText()).contains("approvers holds at most 3 approvers");
        assertThat(unknownManager.messageText()).contains("\"nobody-at-all\" is not an identity");
        for (ApiResponse response : List.of(blankName, noDescription, fourApprovers, unknownManager)) {
            assertThat(response.status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void renamingToANameTakenInAnyCaseIsAReferenceConflictButRecasingOwnNameIsNot(String family) {
        String taken = fixtures.create(family).get("name").asText();
        JsonNode source = fixtures.create(family);
        String path = family + "/" + source.get("id").asText();

        ApiResponse conflict = admin.patch(path, List.of(Map.of("op", "replace", "path", "/name",
                "value", taken.toLowerCase())));
        ApiResponse recased = admin.patch(path, List.of(Map.of("op", "replace", "path", "/name",
                "value", source.get("name").asText().toUpperCase())));

        assertThat(conflict.status()).isEqualTo(400);
        assertThat(conflict.detailCode()).isEqualTo("400.1.409 Reference conflict");
        assertThat(recased.status()).isEqualTo(200);
        assertThat(recased.json().get("name").asText()).isEqualTo(source.get("name").asText().toUpperCase());
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void patchNeedsTheUpdateRoleContextAndAnExistingSource(String family) {
        String path = family + "/" + managedSource(family, "manager1").get("id").asText();
        var rename = List.of(Map.of("op", "replace", "path", "/name", "value", unique("Nope")));

        ApiResponse anonymous = Api.anonymous(port).patch(path, rename);
        ApiResponse accountManager = manager1.patch(path, rename);
        ApiResponse readScope = SourceFixtures.readOnlyAdmin(port).patch(path, rename);
        ApiResponse unknown = admin.patch(family + "/no-such-source", rename);
        ApiResponse updater = withRole(RoleContext.NESR_UPDATE).patch(path, rename);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(accountManager.status()).isEqualTo(403);
        assertThat(readScope.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detailCode()).isEqualTo("404 Not found");
        assertThat(updater.status()).isEqualTo(200);
    }

    // ---- delete -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void deleteRemovesTheSourceItsSchemaAndItsRecords(String family) {
        String id = fixtures.create(family).get("id").asText();
        String recordId = records.create(new NonEmployee(id, "gone." + id.substring(0, 8), "Gone", "Soon",
                "gone@example.com", "5125555555", "manager1", Map.of(), OffsetDateTime.now(),
                OffsetDateTime.now().plusDays(1)), "system", null).id();
        assertThat(admin.post(family + "/" + id + "/schema-attributes",
                Map.of("type", "TEXT", "technicalName", "badge", "label", "Badge")).status()).isEqualTo(200);

        ApiResponse deleted = admin.delete(family + "/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertThat(admin.get(family + "/" + id).status()).isEqualTo(404);
        assertThat(admin.get(family + "/" + id + "/schema-attributes").status()).isEqualTo(404);
        assertThat(ids(admin.get(family))).doesNotContain(id);
        assertThat(records.find(recordId)).isEmpty();
        assertThat(rows("nelm_schema_attribute", id) + rows("nelm_source_approver", id)
                + rows("nelm_source_account_manager", id) + rows("nelm_record", id)).isZero();
    }

    /** V44 dropped the key on both databases; the source row lock does its job (docs/sources.md). */
    @Test
    void recordsReferenceTheirSourceWithoutAForeignKey_approversStillDo() throws SQLException {
        assertThat(tablesReferencingSources()).contains("nelm_source_approver", "nelm_schema_attribute",
                "nelm_request").doesNotContain("nelm_record");
    }

    @ParameterizedTest
    @FieldSource("FAMILIES")
    void deleteNeedsTheDeleteRoleContextAndAnExistingSource(String family) {
        String path = family + "/" + managedSource(family, "manager1").get("id").asText();

        ApiResponse anonymous = Api.anonymous(port).delete(path);
        ApiResponse accountManager = manager1.delete(path);
        ApiResponse readScope = SourceFixtures.readOnlyAdmin(port).delete(path);
        ApiResponse unknown = admin.delete(family + "/no-such-source");
        ApiResponse deleter = withRole(RoleContext.NESR_DELETE).delete(path);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(accountManager.status()).isEqualTo(403);
        assertThat(readScope.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(deleter.status()).isEqualTo(204);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private JsonNode managedSource(String family, String manager) {
        var body = body(unique("Managed"));
        body.put("accountManagers", List.of(ref(manager)));
        return fixtures.create(family, body);
    }

    private Api withRole(RoleContext role) {
        return SourceFixtures.withRole(port, directory, clients, role);
    }

    private List<String> tablesReferencingSources() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet keys = metaData.getExportedKeys(connection.getCatalog(), connection.getSchema(),
                    metaData.storesUpperCaseIdentifiers() ? "NELM_SOURCE" : "nelm_source")) {
                while (keys.next()) {
                    tables.add(keys.getString("FKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        }
    }

    private long rows(String table, String sourceId) {
        return jdbc.sql("select count(*) from " + table + " where source_id = :id").param("id", sourceId)
                .query(Long.class).single();
    }

    private static List<String> ids(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).map(s -> s.get("id").asText()).toList();
    }

    private static List<String> names(ApiResponse response, String prefix) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).map(s -> s.get("name").asText())
                .filter(name -> name.startsWith(prefix)).toList();
    }

    private static JsonNode byId(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var result = new com.fasterxml.jackson.databind.node.ObjectNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        response.json().forEach(s -> result.set(s.get("id").asText(), s));
        return result;
    }
}
