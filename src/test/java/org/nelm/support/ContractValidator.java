package org.nelm.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every API response of the integration tests against the contract's OpenAPI extracts
 * (src/test/resources/contract, copied from shared/reference/openapi): v3 for /v3, v2026 for the dated
 * families, v1 for the per-API family. Only NELM paths are checked; a 404 for an unknown id is allowed
 * although the contract lists 404 for few operations (reference section 13.4). Our documented extension
 * properties ({@link #EXTENSION_PROPERTIES}) are taken out first: the contract allows properties it does not list,
 * but the validator, with allOf merged, reports every unlisted one; so everything else stays checked strictly.
 */
public final class ContractValidator {

    /** Properties this service adds to contract bodies (docs/workflow.md, "Extensions"). */
    private static final Set<String> EXTENSION_PROPERTIES = Set.of("routing", "reassignments");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern DATED = Pattern.compile("^/(v2024|v2025|v2026)(/.*)$");

    private static final OpenApiInteractionValidator V3 = create("contract/nelm-v3.openapi.yaml", "/v3");
    private static final OpenApiInteractionValidator V2026 = create("contract/nelm-v2026.openapi.yaml", "/v2026");
    private static final OpenApiInteractionValidator V1 = create("contract/nelm-v1.openapi.yaml", "");

    private ContractValidator() {
    }

    /** Empty when the response conforms (or the path is not a NELM path), else the validator's report. */
    public static Optional<String> check(String method, String path, int status, HttpHeaders headers, String body) {
        String plainPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        OpenApiInteractionValidator validator;
        String specPath = plainPath;
        var dated = DATED.matcher(plainPath);
        if (plainPath.startsWith("/v3/non-employee")) {
            validator = V3;
        } else if (dated.matches() && dated.group(2).startsWith("/non-employee")) {
            validator = V2026;
            specPath = "/v2026" + dated.group(2);
        } else if (plainPath.matches("^/non-employee[^/]*/v1(/.*)?$")) {
            validator = V1;
        } else {
            return Optional.empty();
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        headers.map().forEach((name, values) -> response.withHeader(name, values));
        if (body != null && !body.isEmpty()) {
            response.withBody(withoutExtensions(body));
        }
        ValidationReport report = validator.validateResponse(specPath, Request.Method.valueOf(method), response.build());
        return report.hasErrors() ? Optional.of(report.toString()) : Optional.empty();
    }

    private static String withoutExtensions(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            strip(json);
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(EXTENSION_PROPERTIES);
        }
        node.forEach(ContractValidator::strip);
    }

    private static OpenApiInteractionValidator create(String resource, String basePath) {
        return OpenApiInteractionValidator.createForSpecificationUrl(resource)
                .withBasePathOverride(basePath.isEmpty() ? "/" : basePath)
                // merge allOf into one schema: the validator treats unlisted properties as not allowed, which
                // would otherwise reject every allOf-composed body (NonEmployeeSource and its variants)
                .withResolveRefs(true)
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }
}
