package org.nelm.platform.fuzz;

import static org.nelm.platform.fuzz.FuzzValues.field;
import static org.nelm.platform.fuzz.FuzzValues.json;
import static org.nelm.platform.fuzz.FuzzValues.member;
import static org.nelm.platform.fuzz.FuzzValues.object;
import static org.nelm.platform.fuzz.FuzzValues.param;
import static org.nelm.platform.fuzz.FuzzValues.quote;
import static org.nelm.platform.fuzz.FuzzValues.text;
import static org.nelm.platform.fuzz.FuzzValues.weight;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests for every NELM operation of the contract (reference section 3, 32 operations), the per-row results of an
 * upload, and the personal access token operations: path ids, query parameters, headers and a body of the
 * operation's kind (JSON, JSON Patch, multipart CSV), each mostly plausible and sometimes hostile.
 */
final class FuzzRequests {

    /** One generated request; {@code caller} names the token it is sent with. */
    record FuzzRequest(String operation, String caller, String method, String path, String contentType,
                       String accept, byte[] body) {

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 1500), StandardCharsets.UTF_8);
            return operation + " as " + caller + ": " + method + " " + abbreviate(path) + "\nContent-Type: "
                    + contentType + "\nAccept: " + accept + "\n" + shown + (body != null && body.length > 1500
                    ? "... (" + body.length + " bytes)" : "");
        }

        private static String abbreviate(String text) {
            return text.length() <= 1500 ? text : text.substring(0, 1500) + "... (" + text.length() + " characters)";
        }
    }

    /** The fuzz run's own data: every id a path may name when it is not a stranger's. */
    record Fixtures(String sourceId, String recordId, String requestId, String approvalId, String attributeId,
                    String systemAttributeId, String jobId, String patId) {
    }


    private enum BodyKind { NONE, RECORD, SOURCE, ATTRIBUTE, RECORD_PATCH, SOURCE_PATCH, ATTRIBUTE_PATCH, IDS, DECISION,
        PAT, CSV }

    private record Operation(String name, String method, String path, BodyKind body, boolean perApiFamily,
                             Map<String, Function<Fixtures, Arbitrary<String>>> query) {
    }

    private static final List<String> RECORD_FIELDS = List.of("id", "accountName", "sourceId", "manager", "firstName",
            "lastName", "email", "phone", "startDate", "endDate", "created", "modified");
    private static final List<String> REQUEST_FIELDS = List.of("created", "approvalStatus", "firstName", "lastName",
            "email", "phone", "accountName", "startDate", "endDate");

    private static final List<Operation> OPERATIONS = List.of(
            op("createNonEmployeeRecord", "POST", "/non-employee-records", BodyKind.RECORD),
            op("listNonEmployeeRecords", "GET", "/non-employee-records", BodyKind.NONE, paging(RECORD_FIELDS, "sourceId")),
            op("getNonEmployeeRecord", "GET", "/non-employee-records/{record}", BodyKind.NONE),
            op("updateNonEmployeeRecord", "PUT", "/non-employee-records/{record}", BodyKind.RECORD),
            op("patchNonEmployeeRecord", "PATCH", "/non-employee-records/{record}", BodyKind.RECORD_PATCH),
            op("deleteNonEmployeeRecord", "DELETE", "/non-employee-records/{stranger}", BodyKind.NONE),
            op("deleteNonEmployeeRecordsInBulk", "POST", "/non-employee-records/bulk-delete", BodyKind.IDS),
            op("createNonEmployeeRequest", "POST", "/non-employee-requests", BodyKind.RECORD),
            op("listNonEmployeeRequests", "GET", "/non-employee-requests", BodyKind.NONE,
                    withRequestedFor(paging(REQUEST_FIELDS, "sourceId"))),
            op("getNonEmployeeRequest", "GET", "/non-employee-requests/{request}", BodyKind.NONE),
            op("deleteNonEmployeeRequest", "DELETE", "/non-employee-requests/{stranger}", BodyKind.NONE),
            op("getNonEmployeeRequestSummary", "GET", "/non-employee-requests/summary/{identity}", BodyKind.NONE),
            op("createNonEmployeeSource", "POST", "/non-employee-sources", BodyKind.SOURCE),
            op("listNonEmployeeSources", "GET", "/non-employee-sources", BodyKind.NONE, sourceList()),
            op("getNonEmployeeSource", "GET", "/non-employee-sources/{source}", BodyKind.NONE),
            op("patchNonEmployeeSource", "PATCH", "/non-employee-sources/{source}", BodyKind.SOURCE_PATCH),
            op("deleteNonEmployeeSource", "DELETE", "/non-employee-sources/{stranger}", BodyKind.NONE),
            op("exportNonEmployeeRecords", "GET", "/non-employee-sources/{source}/non-employees/download", BodyKind.NONE),
            op("importNonEmployeeRecordsInBulk", "POST", "/non-employee-sources/{source}/non-employee-bulk-upload",
                    BodyKind.CSV, Map.of("dryRun", f -> Arbitraries.frequencyOf(
                            weight(8, Arbitraries.just("true")),
                            weight(1, Arbitraries.just("false")),
                            weight(1, Arbitraries.of("TRUE", "yes", ""))))),
            op("getNonEmployeeBulkUploadStatus", "GET", "/non-employee-sources/{source}/non-employee-bulk-upload/status",
                    BodyKind.NONE),
            op("getNonEmployeeBulkUploadResults", "GET",
                    "/non-employee-sources/{source}/non-employee-bulk-upload/{job}/results", BodyKind.NONE),
            op("exportNonEmployeeSourceSchemaTemplate", "GET",
                    "/non-employee-sources/{source}/schema-attributes-template/download", BodyKind.NONE),
            op("listNonEmployeeApprovals", "GET", "/non-employee-approvals", BodyKind.NONE,
                    withRequestedFor(paging(List.of("created", "modified"), "approvalStatus"))),
            op("getNonEmployeeApproval", "GET", "/non-employee-approvals/{approval}", BodyKind.NONE,
                    Map.of("include-detail", f -> FuzzValues.bool())),
            op("approveNonEmployeeRequest", "POST", "/non-employee-approvals/{approval}/approve", BodyKind.DECISION),
            op("rejectNonEmployeeRequest", "POST", "/non-employee-approvals/{approval}/reject", BodyKind.DECISION),
            op("getNonEmployeeApprovalSummary", "GET", "/non-employee-approvals/summary/{identity}", BodyKind.NONE),
            op("getNonEmployeeSourceSchemaAttributes", "GET", "/non-employee-sources/{source}/schema-attributes",
                    BodyKind.NONE),
            op("createNonEmployeeSourceSchemaAttributes", "POST", "/non-employee-sources/{source}/schema-attributes",
                    BodyKind.ATTRIBUTE),
            op("deleteNonEmployeeSourceSchemaAttributes", "DELETE", "/non-employee-sources/{stranger}/schema-attributes",
                    BodyKind.NONE),
            op("getNonEmployeeSchemaAttribute", "GET", "/non-employee-sources/{source}/schema-attributes/{attribute}",
                    BodyKind.NONE),
            op("patchNonEmployeeSchemaAttribute", "PATCH",
                    "/non-employee-sources/{source}/schema-attributes/{attribute}", BodyKind.ATTRIBUTE_PATCH),
            op("deleteNonEmployeeSchemaAttribute", "DELETE",
                    "/non-employee-sources/{source}/schema-attributes/{stranger}", BodyKind.NONE),
            new Operation("listPersonalAccessTokens", "GET", "/personal-access-tokens", BodyKind.NONE, false,
                    Map.of("owner-id", f -> param(Arbitraries.of("admin", "approver1", "nobody")))),
            new Operation("createPersonalAccessToken", "POST", "/personal-access-tokens", BodyKind.PAT, false, Map.of()),
            new Operation("deletePersonalAccessToken", "DELETE", "/personal-access-tokens/{stranger}", BodyKind.NONE,
                    false, Map.of()));

    /** How many operations the generator covers (the contract's 32, upload results, 3 token operations). */
    static final int OPERATION_COUNT = OPERATIONS.size();

    static final List<String> CALLERS = List.of("admin", "approver1", "nelm-service", "no token", "bad token");

    private FuzzRequests() {
    }

    static Arbitrary<FuzzRequest> any(Fixtures fixtures) {
        return Arbitraries.of(OPERATIONS).flatMap(operation -> request(operation, fixtures));
    }

    private static Arbitrary<FuzzRequest> request(Operation operation, Fixtures fixtures) {
        Arbitrary<String> caller = Arbitraries.frequencyOf(
                weight(16, Arbitraries.just("admin")),
                weight(1, Arbitraries.of(CALLERS)));
        Arbitrary<String> path = family(operation).flatMap(prefix -> pathIds(operation, fixtures)
                .map(ids -> prefix.apply(ids)));
        Arbitrary<String> query = query(operation, fixtures);
        Arbitrary<Body> body = body(operation.body(), fixtures);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(
                weight(17, Arbitraries.just("")),
                weight(3, Arbitraries.of("*/*", "application/*", "text/plain", "application/xml",
                        "application/json; charset=ISO-8859-1", "application/json; charset=nope", "multipart/form-data",
                        "application/json-patch+json", "application/json", "garbage", "a/b/c", "none")));
        Arbitrary<String> accept = Arbitraries.frequencyOf(
                weight(17, Arbitraries.just("")),
                weight(3, Arbitraries.of("*/*", "text/csv", "application/xml", "text/html", "garbage",
                        "application/json;q=0.5, text/csv", "none", "application/*")));
        return Combinators.combine(caller, path, query, body, contentType, accept).as((who, p, q, b, type, acc) -> {
            String sentType = type.isEmpty() ? b.contentType() : type.equals("none") ? null : type;
            String sentAccept = acc.isEmpty() ? defaultAccept(operation) : acc.equals("none") ? null : acc;
            return new FuzzRequest(operation.name(), who, operation.method(), p + q, sentType, sentAccept, b.bytes());
        });
    }

    private static String defaultAccept(Operation operation) {
        return operation.path().endsWith("/download") ? "text/csv" : "application/json";
    }

    private static Operation op(String name, String method, String path, BodyKind body) {
        return new Operation(name, method, path, body, true, Map.of());
    }

    private static Operation op(String name, String method, String path, BodyKind body,
                                Map<String, Function<Fixtures, Arbitrary<String>>> query) {
        return new Operation(name, method, path, body, true, query);
    }

    private static Map<String, Function<Fixtures, Arbitrary<String>>> paging(List<String> sortable, String filterable) {
        Map<String, Function<Fixtures, Arbitrary<String>>> query = new LinkedHashMap<>();
        query.put("limit", f -> FuzzValues.paging());
        query.put("offset", f -> FuzzValues.paging());
        query.put("count", f -> FuzzValues.bool());
        query.put("filters", f -> param(FuzzValues.filters(List.of(filterable), filterable.equals("sourceId")
                ? f.sourceId() : "PENDING")));
        query.put("sorters", f -> param(FuzzValues.sorters(sortable)));
        return query;
    }

    private static Map<String, Function<Fixtures, Arbitrary<String>>> withRequestedFor(
            Map<String, Function<Fixtures, Arbitrary<String>>> query) {
        Map<String, Function<Fixtures, Arbitrary<String>>> more = new LinkedHashMap<>(query);
        more.put("requested-for", f -> param(Arbitraries.of("me", "admin", "approver1", "manager1", "nobody")));
        return more;
    }

    private static Map<String, Function<Fixtures, Arbitrary<String>>> sourceList() {
        Map<String, Function<Fixtures, Arbitrary<String>>> query = withRequestedFor(
                paging(List.of("name", "created", "sourceId"), "name"));
        // the contract gives this list no filters: any value is a 400, so it is sent only now and then
        query.put("filters", f -> Arbitraries.frequencyOf(weight(9, Arbitraries.just(null)), weight(1, text())));
        query.put("non-employee-count", f -> FuzzValues.bool());
        return query;
    }

    /** The five path families (the token API has no per-API family), applied to the path with its ids filled in. */
    private static Arbitrary<Function<String, String>> family(Operation operation) {
        List<Function<String, String>> families = new ArrayList<>();
        for (String prefix : List.of("/v3", "/v2024", "/v2025", "/v2026")) {
            families.add(path -> prefix + path);
        }
        if (operation.perApiFamily()) {
            families.add(path -> {
                int second = path.indexOf('/', 1);
                return second < 0 ? path + "/v1" : path.substring(0, second) + "/v1" + path.substring(second);
            });
        }
        return Arbitraries.of(families);
    }

    private static Arbitrary<String> pathIds(Operation operation, Fixtures f) {
        Map<String, String> fixtureIds = new LinkedHashMap<>();
        fixtureIds.put("{source}", f.sourceId());
        fixtureIds.put("{record}", f.recordId());
        fixtureIds.put("{request}", f.requestId());
        fixtureIds.put("{approval}", f.approvalId());
        fixtureIds.put("{attribute}", operation.method().equals("GET") ? f.systemAttributeId() : f.attributeId());
        fixtureIds.put("{job}", f.jobId());
        fixtureIds.put("{identity}", "me");
        fixtureIds.put("{stranger}", null);
        List<String> placeholders = fixtureIds.keySet().stream().filter(operation.path()::contains).toList();
        if (placeholders.isEmpty()) {
            return Arbitraries.just(operation.path());
        }
        List<Arbitrary<String>> ids = placeholders.stream().map(p -> FuzzValues.pathId(fixtureIds.get(p))).toList();
        return Combinators.combine(ids).as(values -> {
            String path = operation.path();
            for (int i = 0; i < placeholders.size(); i++) {
                path = path.replace(placeholders.get(i), pathSegment(values.get(i)));
            }
            return path;
        });
    }

    private static Arbitrary<String> query(Operation operation, Fixtures fixtures) {
        if (operation.query().isEmpty()) {
            return Arbitraries.just("");
        }
        List<String> names = new ArrayList<>(operation.query().keySet());
        List<Arbitrary<String>> values = names.stream().map(name -> operation.query().get(name).apply(fixtures)).toList();
        return Combinators.combine(values).as(chosen -> {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (chosen.get(i) != null) {
                    pairs.add(names.get(i) + "=" + URLEncoder.encode(chosen.get(i), StandardCharsets.UTF_8));
                }
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        });
    }

    /** RFC 3986 path segment encoding: everything but the unreserved characters as UTF-8 percent escapes. */
    private static String pathSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    // ---- bodies ----------------------------------------------------------------------------------------------

    private record Body(String contentType, byte[] bytes) {
    }

    private static Arbitrary<Body> body(BodyKind kind, Fixtures f) {
        return switch (kind) {
            case NONE -> Arbitraries.frequencyOf(
                    weight(9, Arbitraries.just(new Body(null, null))),
                    weight(1, json(2).map(text -> new Body("application/json", utf8(text)))));
            case RECORD -> bodyOf(jsonBody(recordBody(f)), "application/json");
            case SOURCE -> bodyOf(jsonBody(sourceBody()), "application/json");
            case ATTRIBUTE -> bodyOf(jsonBody(attributeBody()), "application/json");
            case IDS -> bodyOf(jsonBody(idsBody()), "application/json");
            case DECISION -> bodyOf(jsonBody(decisionBody()), "application/json");
            case PAT -> bodyOf(jsonBody(patBody()), "application/json");
            case RECORD_PATCH -> bodyOf(jsonBody(patch(List.of("/firstName", "/lastName", "/email", "/phone", "/manager",
                    "/accountName", "/startDate", "/endDate", "/data", "/data/department", "/data/code", "/data/-",
                    "/sourceId", "/id", "/created"), recordValue(f))), "application/json-patch+json");
            case SOURCE_PATCH -> bodyOf(jsonBody(patch(List.of("/name", "/description", "/approvers", "/approvers/0",
                    "/approvers/-", "/accountManagers", "/accountManagers/-", "/accountManagers/0/id", "/owner",
                    "/managementWorkgroup", "/id"), sourceValue())), "application/json-patch+json");
            case ATTRIBUTE_PATCH -> bodyOf(jsonBody(patch(List.of("/label", "/helpText", "/placeholder", "/required",
                    "/type", "/technicalName", "/system"), attributeValue())), "application/json-patch+json");
            case CSV -> csvUpload();
        };
    }

    private static Arbitrary<Body> bodyOf(Arbitrary<String> text, String contentType) {
        return text.map(body -> new Body(contentType, utf8(body)));
    }

    /** The operation's object mostly; else another JSON value, broken JSON or no body at all. */
    private static Arbitrary<String> jsonBody(Arbitrary<String> plausible) {
        return Arbitraries.frequencyOf(
                weight(14, plausible),
                weight(2, json(2)),
                weight(2, plausible.flatMap(text -> Arbitraries.integers().between(0, text.length())
                        .flatMap(cut -> Arbitraries.of("", "}", "]", ",", "\"", "\\", "x", ":", "\u0000")
                                .map(junk -> text.substring(0, cut) + junk)))),
                weight(1, Arbitraries.just("")));
    }

    /**
     * An object of the given members (plausible values; null leaves a member out): every member plausible or hostile
     * on its own; all plausible but one, which is hostile, so that a hostile value also reaches the checks behind the
     * first failing field (the database, the engine); or all plausible, so that the operation succeeds now and then.
     */
    private static Arbitrary<String> objectOf(Map<String, Arbitrary<String>> fields) {
        List<String> names = new ArrayList<>(fields.keySet());
        Arbitrary<List<String>> independent = Combinators.combine(names.stream().map(n -> field(fields.get(n))).toList())
                .as(chosen -> chosen);
        Arbitrary<List<String>> oneHostile = Arbitraries.integers().between(0, names.size() - 1).flatMap(hostile ->
                Combinators.combine(names.stream().map(n -> names.indexOf(n) == hostile ? FuzzValues.hostile()
                        : fields.get(n)).toList()).as(chosen -> chosen));
        Arbitrary<String> extra = Arbitraries.frequencyOf(
                weight(9, Arbitraries.just(null)),
                weight(1, Combinators.combine(text(), json(1)).as(FuzzValues::member)));
        Arbitrary<List<String>> allPlausible = Combinators.combine(names.stream().map(fields::get).toList())
                .as(chosen -> chosen);
        return Combinators.combine(Arbitraries.frequencyOf(weight(1, independent), weight(2, oneHostile),
                        weight(1, allPlausible)), extra)
                .as((chosen, more) -> {
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        members.add(member(names.get(i), chosen.get(i)));
                    }
                    members.add(more);
                    return object(members.stream().filter(Objects::nonNull).toList());
                });
    }

    private static Arbitrary<String> plain(Arbitrary<String> values) {
        return values.map(FuzzValues::quote);
    }

    private static Arbitrary<String> recordBody(Fixtures f) {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("accountName", plain(Arbitraries.strings().alpha().numeric().ofLength(10).map(s -> "fz." + s)));
        fields.put("firstName", plain(Arbitraries.of("William", "Jo", "名前")));
        fields.put("lastName", plain(Arbitraries.of("Smith", "O'Brien", "-Dash")));
        fields.put("email", plain(Arbitraries.of("w@example.com", "a.b@c.de")));
        fields.put("phone", plain(Arbitraries.of("5125555555", "+1 555", "-")));
        fields.put("manager", plain(Arbitraries.of("jane.doe", "admin")));
        fields.put("sourceId", plain(Arbitraries.just(f.sourceId())));
        fields.put("startDate", plain(Arbitraries.of("2020-03-24T00:00:00-05:00", "2020-01-01")));
        fields.put("endDate", plain(Arbitraries.of("2031-03-25T00:00:00-05:00", "2030-12-31")));
        fields.put("data", data());
        return objectOf(fields);
    }

    private static Arbitrary<String> data() {
        Arbitrary<String> key = Arbitraries.frequencyOf(
                weight(4, Arbitraries.of("department", "code")),
                weight(1, text()));
        Arbitrary<String> value = field(plain(Arbitraries.of("Audit", "x", "=1+1")));
        return Arbitraries.maps(key, value.filter(Objects::nonNull)).ofMaxSize(12)
                .map(entries -> object(entries.entrySet().stream().map(e -> member(e.getKey(), e.getValue())).toList()));
    }

    /** A patch value plausible for a record's fields. */
    private static Arbitrary<String> recordValue(Fixtures f) {
        return Arbitraries.frequencyOf(
                weight(3, plain(Arbitraries.of("Smith", "2031-01-01T00:00:00Z", "x@example.com",
                        f.sourceId()))),
                weight(1, data()),
                weight(2, json(2)));
    }

    private static Arbitrary<String> ref() {
        Arbitrary<String> id = plain(Arbitraries.of("admin", "approver1", "approver2", "manager1", "nelm-approvers",
                "nobody"));
        return Arbitraries.frequencyOf(
                weight(4, field(id).map(value -> object(java.util.Arrays.asList(member("id", value))
                        .stream().filter(Objects::nonNull).toList()))),
                weight(1, Combinators.combine(field(plain(Arbitraries.of("IDENTITY", "GOVERNANCE_GROUP",
                        "OTHER"))), field(id)).as((type, value) -> object(Arrays.asList(member("type", type),
                        member("id", value)).stream().filter(Objects::nonNull).toList()))),
                weight(1, id),
                weight(1, json(1)));
    }

    private static Arbitrary<String> refs(int usualMax) {
        return ref().list().ofMaxSize(usualMax + 2).map(items -> "[" + String.join(",", items) + "]");
    }

    private static Arbitrary<String> sourceBody() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("name", plain(Arbitraries.strings().alpha().ofLength(12).map(s -> "fuzz " + s)));
        fields.put("description", plain(Arbitraries.of("Contractors", "")));
        fields.put("owner", ref());
        fields.put("managementWorkgroup", Arbitraries.frequencyOf(
                weight(6, Arbitraries.just(null)),
                weight(1, plain(Arbitraries.of("nelm-approvers", "nope")))));
        fields.put("approvers", refs(3));
        fields.put("accountManagers", refs(10));
        return objectOf(fields);
    }

    private static Arbitrary<String> sourceValue() {
        return Arbitraries.frequencyOf(
                weight(2, plain(Arbitraries.strings().alpha().ofLength(10).map(s -> "fuzz " + s))),
                weight(2, refs(3)),
                weight(1, ref()),
                weight(2, json(2)));
    }

    private static Arbitrary<String> attributeBody() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("type", plain(Arbitraries.just("TEXT")));
        fields.put("label", plain(Arbitraries.of("Cost center", "L")));
        fields.put("technicalName", plain(Arbitraries.strings().alpha().ofLength(8).map(s -> "fz" + s)));
        fields.put("helpText", plain(Arbitraries.of("Help", "")));
        fields.put("placeholder", plain(Arbitraries.of("e.g. 42", "")));
        fields.put("required", Arbitraries.of("true", "false"));
        return objectOf(fields);
    }

    private static Arbitrary<String> attributeValue() {
        return Arbitraries.frequencyOf(
                weight(3, plain(Arbitraries.of("Label", "Help text"))),
                weight(1, Arbitraries.of("true", "false")),
                weight(2, json(2)));
    }

    private static Arbitrary<String> idsBody() {
        Arbitrary<String> id = Arbitraries.frequencyOf(
                weight(4, plain(FuzzValues.uuid())),
                weight(1, json(1)));
        return objectOf(Map.of("ids", id.list().ofMaxSize(30).map(items -> "[" + String.join(",", items) + "]")));
    }

    private static Arbitrary<String> decisionBody() {
        return objectOf(Map.of("comment", plain(Arbitraries.of("Approved by manager", "no"))));
    }

    private static Arbitrary<String> patBody() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("name", plain(Arbitraries.strings().alpha().ofLength(8).map(s -> "fuzz " + s)));
        fields.put("scope", Arbitraries.of("[\"idn:nelm:read\"]", "[\"sp:scopes:all\"]", "[]",
                "[\"idn:nelm:manage\",\"sp:scopes:default\"]"));
        fields.put("accessTokenValiditySeconds", Arbitraries.of("900", "43200", "3600"));
        fields.put("expirationDate", plain(Arbitraries.of("2099-01-01T00:00:00Z", "2100-06-30T12:00:00+02:00")));
        return objectOf(fields);
    }

    /** JSON Patch documents: a few operations on plausible paths, sometimes more than the limit allows. */
    private static Arbitrary<String> patch(List<String> paths, Arbitrary<String> values) {
        Arbitrary<String> pointer = Arbitraries.frequencyOf(
                weight(6, Arbitraries.of(paths)),
                weight(1, Arbitraries.of("", "/", "/~", "/a~2b", "//", "/data/~1x", "/approvers/99",
                        "/approvers/-1", "x", "/" + "a".repeat(300))),
                weight(1, text()));
        Arbitrary<String> operation = Combinators.combine(
                field(plain(Arbitraries.of("add", "remove", "replace", "move", "copy", "test", "ADD", "nope"))),
                field(plain(pointer)), Arbitraries.frequencyOf(
                        weight(3, Arbitraries.just(null)),
                        weight(1, plain(pointer))),
                field(values)).as((op, path, from, value) -> object(Arrays.asList(member("op", op),
                member("path", path), member("from", from), member("value", value)).stream()
                .filter(Objects::nonNull).toList()));
        Arbitrary<String> item = Arbitraries.frequencyOf(
                weight(12, operation),
                weight(1, json(1)));
        return Arbitraries.frequencyOf(
                weight(12, item.list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]")),
                weight(1, Combinators.combine(operation, Arbitraries.integers().between(90, 130))
                        .as((op, n) -> "[" + String.join(",", java.util.Collections.nCopies(n, op)) + "]")),
                weight(1, Arbitraries.integers().between(20, 40).map(n -> "["
                        + String.join(",", java.util.Collections.nCopies(n,
                        "{\"op\":\"copy\",\"from\":\"" + paths.get(0) + "\",\"path\":\"/data/-\"}")) + "]")));
    }

    // ---- CSV files --------------------------------------------------------------------------------------------

    private static final List<String> COLUMNS = List.of("accountName", "firstName", "lastName", "phone", "email",
            "manager", "startDate", "endDate", "department");

    private static Arbitrary<Body> csvUpload() {
        Arbitrary<String> partName = Arbitraries.frequencyOf(
                weight(12, Arbitraries.just("data")),
                weight(1, Arbitraries.of("file", "")));
        return Combinators.combine(partName, csvFile(), Arbitraries.frequencyOf(
                weight(12, Arbitraries.just(true)),
                weight(1, Arbitraries.just(false)))).as((name, file, closed) -> {
            String boundary = "fuzz-boundary-42";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                    + "\"; filename=\"fuzz.csv\"\r\nContent-Type: text/csv\r\n\r\n"));
            body.writeBytes(file);
            if (closed) {
                body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
            }
            return new Body("multipart/form-data; boundary=" + boundary, body.toByteArray());
        });
    }

    private static Arbitrary<byte[]> csvFile() {
        Arbitrary<List<String>> header = Arbitraries.frequencyOf(
                weight(8, Arbitraries.just(COLUMNS)),
                weight(1, Arbitraries.shuffle(COLUMNS)),
                weight(1, Arbitraries.of(COLUMNS).list().ofMaxSize(10)),
                weight(1, text().list().ofMaxSize(4)));
        Arbitrary<String> cell = Arbitraries.frequencyOf(
                weight(6, Arbitraries.of("jo", "Jo", "Smith", "555", "jo@example.com", "jane.doe",
                        "2020-01-01", "2030-01-01T00:00:00Z", "Audit", "")),
                weight(2, text().map(FuzzRequests::csvCell)),
                weight(1, text()),
                weight(1, Arbitraries.of(FuzzValues.EDGE_DATES)));
        Arbitrary<List<String>> row = cell.list().ofMinSize(0).ofMaxSize(11);
        Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n", "\r");
        Arbitrary<String> prefix = Arbitraries.frequencyOf(
                weight(10, Arbitraries.just("")),
                weight(1, Arbitraries.of("\uFEFF", "\n\n", ",,,,\n")));
        Arbitrary<byte[]> encodingDamage = Arbitraries.frequencyOf(
                weight(14, Arbitraries.just(new byte[0])),
                weight(1, Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        Arbitrary<String> run = Arbitraries.strings().alpha().ofLength(8);
        return Combinators.combine(prefix, header, row.list().ofMaxSize(8), lineEnd, encodingDamage,
                Arbitraries.integers().between(0, 100), run).as((start, columns, rows, end, damage, at, suffix) -> {
            StringBuilder csv = new StringBuilder(start).append(String.join(",", columns)).append(end);
            for (int i = 0; i < rows.size(); i++) {
                String account = "jo." + suffix + i;
                csv.append(String.join(",", rows.get(i).stream().map(c -> c.equals("jo") ? account : c).toList()))
                        .append(end);
            }
            byte[] text = utf8(csv.toString());
            int split = Math.min(text.length, text.length * at / 100);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(text, 0, split);
            file.writeBytes(damage);
            file.write(text, split, text.length - split);
            return file.toByteArray();
        });
    }

    private static String csvCell(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
