package org.nelm.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.patch.JsonPatchApplier;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.QueryField;
import org.nelm.platform.query.QuerySpec;
import org.nelm.platform.query.SqlQueryBuilder;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Non-employee sources: who may do what (reference sections 2 and 3), the organization's limit of 50 sources,
 * unique names, and a delete that leaves nothing of the source behind.
 */
@Service
class SourceService {

    /** SailPoint's limit; configurable only so tests that need many sources can share one database. */
    static final int MAX_SOURCES = 50;
    static final Set<String> PATCHABLE = Set.of("name", "description", "approvers", "accountManagers");

    /** Reference section 5.2: sorters name, created, sourceId; no filters on this endpoint. */
    static final QuerySpec LIST_SPEC = QuerySpec.builder()
            .fields(QueryField.sortable("name", "s.name"),
                    QueryField.timestamp("created", "s.created").withSortable(true),
                    QueryField.sortable("sourceId", "s.source_id"))
            .defaultOrder("s.created ASC")
            .tieBreaker("s.id")
            .build();

    /** One page of the list; {@code total} (all matches) is only counted when the query asks for it, else null. */
    record Page(List<NonEmployeeSourceWithNECount> items, Long total) {
    }

    private final SourceStore store;
    private final RecordCounts recordCounts;
    private final SchemaAttributeStore attributes;
    private final SourcePolicies policies;
    private final SourceValidator validator;
    private final JsonPatchApplier patches;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final int maxSources;

    SourceService(SourceStore store, RecordCounts recordCounts, SchemaAttributeStore attributes,
                  SourcePolicies policies, SourceValidator validator, JsonPatchApplier patches, ApplicationEventPublisher events, Clock clock,
                  @Value("${nelm.limits.max-sources:" + MAX_SOURCES + "}") int maxSources) {
        this.store = store;
        this.recordCounts = recordCounts;
        this.attributes = attributes;
        this.policies = policies;
        this.validator = validator;
        this.patches = patches;
        this.events = events;
        this.clock = clock;
        this.maxSources = maxSources;
    }

    /**
     * Creates the source with its 8 system attributes in one transaction. Only an org admin may (the contract's
     * only hint is {@code x-sailpoint-userLevels: ORG_ADMIN}; reference section 13 item 3). The organization-wide
     * lock row is taken before counting, so parallel creators cannot pass the limit nor take one name twice.
     */
    @Transactional
    NonEmployeeSourceWithCloudExternalId create(Caller caller, NonEmployeeSourceRequestBody body) {
        caller.require(RoleContext.ORG_ADMIN);
        SourceDraft draft = validator.validate(body);
        store.lockSourceCreation();
        if (store.nameTaken(draft.nameKey(), null)) {
            throw nameConflict(draft.name());
        }
        if (store.count() >= maxSources) {
            throw ApiException.limit("An organization has at most " + maxSources + " non-employee sources");
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        try {
            store.insert(id, UUID.randomUUID().toString(), newCloudExternalId(), draft, now);
        } catch (DuplicateKeyException e) {
            throw nameConflict(draft.name());
        }
        attributes.insertSystemAttributes(id, now);
        StoredSource source = store.find(id).orElseThrow();
        return new NonEmployeeSourceWithCloudExternalId(source.toSource(), source.cloudExternalId());
    }

    /**
     * With {@code idn:nesr:read} a caller sees all sources, or those an identity named by {@code requested-for}
     * manages; anyone else sees only the sources they manage, and may name only themselves.
     */
    @Transactional(readOnly = true)
    Page list(Caller caller, CollectionQuery query, String requestedFor, boolean withCount) {
        String managerId = visibleManager(caller, requestedFor);
        if (managerId != null && managerId.isEmpty()) {
            return new Page(List.of(), query.count() ? 0L : null);
        }
        List<StoredSource> sources = store.page(query, SqlQueryBuilder.orderBy(query.sorters(), LIST_SPEC), managerId);
        Map<String, Integer> counts = withCount
                ? recordCounts.of(sources.stream().map(StoredSource::id).toList()) : Map.of();
        List<NonEmployeeSourceWithNECount> items = sources.stream()
                .map(s -> new NonEmployeeSourceWithNECount(s.toSource(),
                        withCount ? counts.getOrDefault(s.id(), 0) : null))
                .toList();
        return new Page(items, query.count() ? store.total(managerId) : null);
    }

    @Transactional(readOnly = true)
    NonEmployeeSource get(Caller caller, String id) {
        StoredSource source = store.find(id).orElseThrow(ApiException::notFound);
        if (!caller.has(RoleContext.NESR_READ) && !source.isAccountManager(caller.identityId())) {
            throw ApiException.forbidden("Only idn:nesr:read or an account manager of the source may read it");
        }
        return source.toSource();
    }

    /** Applies the patch to the source as its create body would say, then checks the result like a create. */
    @Transactional
    NonEmployeeSource patch(Caller caller, String id, JsonNode patch) {
        caller.require(RoleContext.NESR_UPDATE);
        if (!policies.lock(id)) {
            throw ApiException.notFound();
        }
        StoredSource current = store.find(id).orElseThrow();
        NonEmployeeSourceRequestBody patched = patches.apply(patch, current.toRequestBody(), PATCHABLE,
                NonEmployeeSourceRequestBody.class);
        SourceDraft draft = validator.validate(patched);
        if (store.nameTaken(draft.nameKey(), id)) {
            throw nameConflict(draft.name());
        }
        try {
            store.update(id, draft, now());
        } catch (DuplicateKeyException e) {
            throw nameConflict(draft.name());
        }
        return store.find(id).orElseThrow().toSource();
    }

    /**
     * Deletes the source and everything that hangs on it. {@link SourceDeleting} goes out first, in this
     * transaction, so listeners still see the source and their work commits or rolls back with the delete.
     */
    @Transactional
    void delete(Caller caller, String id) {
        caller.require(RoleContext.NESR_DELETE);
        if (!policies.lock(id)) {
            throw ApiException.notFound();
        }
        events.publishEvent(new SourceDeleting(id));
        store.delete(id);
    }

    /** The manager whose sources the caller may list: null = all sources, "" = none. */
    private static String visibleManager(Caller caller, String requestedFor) {
        boolean reader = caller.has(RoleContext.NESR_READ);
        if (requestedFor == null || requestedFor.isBlank()) {
            if (reader) {
                return null;
            }
            return caller.hasIdentity() ? caller.identityId() : "";
        }
        String identity = caller.resolve(requestedFor.trim());
        if (identity == null || identity.isBlank()) {
            throw ApiException.badRequest("requested-for \"me\" needs the token of a user");
        }
        if (!reader && !identity.equals(caller.identityId())) {
            throw ApiException.forbidden("Without idn:nesr:read, requested-for may only name yourself (me)");
        }
        return identity;
    }


    /** A short numeric id like SailPoint's legacy ones; creations are serialized, so check-then-insert is safe. */
    private String newCloudExternalId() {
        String candidate;
        do {
            candidate = String.valueOf(100_000 + random.nextInt(900_000));
        } while (store.cloudExternalIdTaken(candidate));
        return candidate;
    }

    private static ApiException nameConflict(String name) {
        return ApiException.conflict("A non-employee source named \"" + name + "\" already exists");
    }

    private OffsetDateTime now() {
        return StoredTime.now(clock);
    }
}
