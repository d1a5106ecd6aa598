package org.nelm.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.patch.JsonPatchApplier;
import org.nelm.platform.web.InputText;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A source's account schema: 8 system attributes nobody can change, and up to 10 custom TEXT attributes with
 * technical names unique in the source. Writers lock the source row first, so parallel writers can neither pass
 * the limit nor take one technical name twice; the unique constraint stays as the last line of defence.
 */
@Service
class SchemaAttributeService {

    static final int MAX_CUSTOM = 10;
    static final Set<String> PATCHABLE = Set.of("label", "helpText", "placeholder", "required");
    static final int MAX_LABEL = 255;
    static final int MAX_TEXT = 4000;
    /** Technical names become CSV columns and keys of a record's data: a plain identifier. */
    private static final Pattern TECHNICAL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,254}");
    private static final CSVFormat TEMPLATE = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private final SchemaAttributeStore store;
    private final SourcePolicies policies;
    private final JsonPatchApplier patches;
    private final Clock clock;

    SchemaAttributeService(SchemaAttributeStore store, SourcePolicies policies, JsonPatchApplier patches, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.patches = patches;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<NonEmployeeSchemaAttribute> list(Caller caller, String sourceId) {
        readable(caller, sourceId);
        return store.list(sourceId);
    }

    @Transactional(readOnly = true)
    NonEmployeeSchemaAttribute get(Caller caller, String sourceId, String attributeId) {
        readable(caller, sourceId);
        return store.find(sourceId, attributeId).orElseThrow(ApiException::notFound);
    }

    /** The header row of the bulk-upload CSV: the schema's technical names in schema order. */
    @Transactional(readOnly = true)
    String template(Caller caller, String sourceId) {
        readable(caller, sourceId);
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, TEMPLATE)) {
            printer.printRecord(store.list(sourceId).stream().map(NonEmployeeSchemaAttribute::technicalName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    @Transactional
    NonEmployeeSchemaAttribute create(Caller caller, String sourceId, NonEmployeeSchemaAttributeBody body) {
        caller.require(RoleContext.NESR_CREATE);
        NonEmployeeSchemaAttribute attribute = validate(body);
        lockSource(sourceId);
        String key = attribute.technicalName().toLowerCase(Locale.ROOT);
        if (store.list(sourceId).stream().anyMatch(a -> a.technicalName().toLowerCase(Locale.ROOT).equals(key))) {
            throw technicalNameConflict(attribute.technicalName());
        }
        if (store.countCustom(sourceId) >= MAX_CUSTOM) {
            throw ApiException.limit("A source has at most " + MAX_CUSTOM + " custom schema attributes");
        }
        try {
            return store.insertCustom(sourceId, attribute, now());
        } catch (DuplicateKeyException e) {
            throw technicalNameConflict(attribute.technicalName());
        }
    }

    @Transactional
    NonEmployeeSchemaAttribute patch(Caller caller, String sourceId, String attributeId, JsonNode patch) {
        caller.require(RoleContext.NESR_UPDATE);
        lockSource(sourceId);
        NonEmployeeSchemaAttribute current = store.find(sourceId, attributeId).orElseThrow(ApiException::notFound);
        refuseSystem(current, "changed");
        SchemaAttributeChanges changes = patches.apply(patch,
                new SchemaAttributeChanges(current.label(), current.helpText(), current.placeholder(), current.required()),
                PATCHABLE, SchemaAttributeChanges.class);
        store.update(attributeId, validate(changes), now());
        return store.find(sourceId, attributeId).orElseThrow();
    }

    @Transactional
    void delete(Caller caller, String sourceId, String attributeId) {
        caller.require(RoleContext.NESR_DELETE);
        lockSource(sourceId);
        NonEmployeeSchemaAttribute current = store.find(sourceId, attributeId).orElseThrow(ApiException::notFound);
        refuseSystem(current, "deleted");
        store.deleteCustom(sourceId, attributeId);
    }

    /** Removes the custom attributes only (reference L16); the system ones stay. */
    @Transactional
    void deleteAllCustom(Caller caller, String sourceId) {
        caller.require(RoleContext.NESR_DELETE);
        lockSource(sourceId);
        store.deleteAllCustom(sourceId);
    }

    private NonEmployeeSchemaAttribute validate(NonEmployeeSchemaAttributeBody body) {
        List<String> problems = new ArrayList<>();
        if (body.type() == null || body.type().isBlank()) {
            problems.add("type is required");
        } else if (!"TEXT".equals(body.type())) {
            problems.add("type must be TEXT: custom attributes are text");
        }
        if (body.technicalName() == null || body.technicalName().isBlank()) {
            problems.add("technicalName is required");
        } else if (body.technicalName().length() > MAX_LABEL) {
            problems.add("technicalName must be at most " + MAX_LABEL + " characters");
        } else if (!TECHNICAL_NAME.matcher(body.technicalName()).matches()) {
            problems.add("technicalName " + InputText.quoted(body.technicalName()) + " must start with a letter and"
                    + " contain only letters, digits, '.', '_' and '-'");
        }
        labelAndTexts(problems, body.label(), body.helpText(), body.placeholder());
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(SourceValidator.joined(problems));
        }
        return new NonEmployeeSchemaAttribute(null, false, null, null, "TEXT", body.label().trim(),
                body.technicalName(), body.helpText(), body.placeholder(), Boolean.TRUE.equals(body.required()));
    }

    private static SchemaAttributeChanges validate(SchemaAttributeChanges changes) {
        List<String> problems = new ArrayList<>();
        labelAndTexts(problems, changes.label(), changes.helpText(), changes.placeholder());
        if (changes.required() == null) {
            problems.add("required must be true or false");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(SourceValidator.joined(problems));
        }
        return new SchemaAttributeChanges(changes.label().trim(), changes.helpText(), changes.placeholder(),
                changes.required());
    }

    private static void labelAndTexts(List<String> problems, String label, String helpText, String placeholder) {
        if (label == null || label.isBlank()) {
            problems.add("label is required");
        } else {
            add(problems, InputText.problem("label", label.trim(), MAX_LABEL));
        }
        add(problems, InputText.problem("helpText", helpText, MAX_TEXT));
        add(problems, InputText.problem("placeholder", placeholder, MAX_TEXT));
    }

    private static void add(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }

    /** idn:nesr:read, or an account manager of the source (reference section 3, ops 21, 27, 30). */
    private void readable(Caller caller, String sourceId) {
        SourcePolicy source = policies.find(sourceId).orElseThrow(ApiException::notFound);
        if (!caller.has(RoleContext.NESR_READ) && !source.isAccountManager(caller.identityId())) {
            throw ApiException.forbidden("Only idn:nesr:read or an account manager of the source may read its schema");
        }
    }

    private void lockSource(String sourceId) {
        if (!policies.lock(sourceId)) {
            throw ApiException.notFound();
        }
    }

    private static void refuseSystem(NonEmployeeSchemaAttribute attribute, String what) {
        if (attribute.system()) {
            throw ApiException.badRequest("The system attribute " + attribute.technicalName() + " cannot be " + what);
        }
    }


    private static ApiException technicalNameConflict(String technicalName) {
        return ApiException.conflict("The source already has a schema attribute with technicalName \""
                + technicalName + "\"");
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
