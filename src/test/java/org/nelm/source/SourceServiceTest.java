package org.nelm.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.platform.patch.JsonPatchApplier;
import org.nelm.record.RecordService;
import org.nelm.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Delete semantics of {@link SourceService} on a real (H2) database migrated by the application's own migrations:
 * the {@link SourceDeleting} event goes out while the source and everything hanging on it still exist, then
 * nothing of the source is left.
 */
class SourceServiceTest {

    private static final Caller ADMIN = new Caller("admin", "admin", Set.of("sp:scopes:all"), Set.of("ORG_ADMIN"));

    private JdbcClient jdbc;
    private SourceService service;
    private final List<String> eventsSeen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:source-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:org/nelm/record/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        service = new SourceService(new SourceStore(jdbc), sourceIds -> Map.of(), new SchemaAttributeStore(jdbc), new SourcePolicies(jdbc),
                new SourceValidator(new KnownIdentities(Set.of("admin", "manager1"))),
                new JsonPatchApplier(new ObjectMapper()), event -> {
                    SourceDeleting deleting = (SourceDeleting) event;
                    // what a listener sees: the source with its schema, managers and records, not yet deleted
                    eventsSeen.add(deleting.sourceId() + " source=" + rows("nelm_source", "id", deleting.sourceId())
                            + " schema=" + rows("nelm_schema_attribute", "source_id", deleting.sourceId())
                            + " managers=" + rows("nelm_source_account_manager", "source_id", deleting.sourceId())
                            + " records=" + rows("nelm_record", "source_id", deleting.sourceId()));
                    // the records' own listener, as in the application (no foreign key deletes them)
                    new RecordService(jdbc, new SourcePolicies(jdbc), Clock.systemUTC(), published -> { })
                            .onSourceDeleting(deleting);
                }, Clock.systemUTC(), SourceService.MAX_SOURCES);
    }

    @Test
    void deletePublishesSourceDeletingBeforeAnyRowGoesThenLeavesNothingBehind() {
        String id = service.create(ADMIN, new NonEmployeeSourceRequestBody("Retail", "Shops",
                new NonEmployeeIdnUserRequest(null, "admin"), null, List.of(),
                List.of(new NonEmployeeIdnUserRequest(null, "manager1")))).source().id();
        insertRecord(id);

        service.delete(ADMIN, id);

        assertThat(eventsSeen).containsExactly(id + " source=1 schema=8 managers=1 records=1");
        assertThat(rows("nelm_source", "id", id) + rows("nelm_schema_attribute", "source_id", id)
                + rows("nelm_source_account_manager", "source_id", id) + rows("nelm_record", "source_id", id)).isZero();
    }

    @Test
    void deletingAnUnknownSourceIsNotFoundAndPublishesNothing() {
        assertThatThrownBy(() -> service.delete(ADMIN, "no-such-source"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.detailCode()).isEqualTo(DetailCode.NOT_FOUND));
        assertThat(eventsSeen).isEmpty();
    }

    @Test
    void deleteWithoutTheDeleteRoleContextIsForbiddenAndPublishesNothing() {
        String id = service.create(ADMIN, new NonEmployeeSourceRequestBody("Kept", "Stays",
                new NonEmployeeIdnUserRequest(null, "admin"), null, null, null)).source().id();
        Caller manager = new Caller("manager1", "manager1", Set.of("sp:scopes:all"), Set.of());

        assertThatThrownBy(() -> service.delete(manager, id))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.detailCode()).isEqualTo(DetailCode.FORBIDDEN));
        assertThat(eventsSeen).isEmpty();
        assertThat(rows("nelm_source", "id", id)).isEqualTo(1);
    }

    private void insertRecord(String sourceId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into nelm_record (id, source_id, account_name, first_name, last_name, email, phone,
                            manager, start_date, end_date, created, modified)
                        values (:id, :sourceId, 'ann', 'Ann', 'Lee', 'ann@example.com', '1', 'manager1',
                            :now, :now, :now, :now)
                        """)
                .param("id", UUID.randomUUID().toString()).param("sourceId", sourceId).param("now", now)
                .update();
    }

    private long rows(String table, String column, String value) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :value").param("value", value)
                .query(Long.class).single();
    }

    /** The identity port with a fixed set of identities and no groups. */
    private record KnownIdentities(Set<String> ids) implements IdentityDirectory {

        @Override
        public Optional<Identity> identity(String id) {
            return ids.contains(id) ? Optional.of(new Identity(id, id, "Test", id + "@example.com")) : Optional.empty();
        }

        @Override
        public boolean identityExists(String id) {
            return ids.contains(id);
        }

        @Override
        public boolean groupExists(String groupId) {
            return false;
        }

        @Override
        public List<Identity> groupMembers(String groupId) {
            return List.of();
        }

        @Override
        public Set<String> groupsOf(String identityId) {
            return Set.of();
        }

        @Override
        public boolean isMember(String identityId, String groupId) {
            return false;
        }

        @Override
        public boolean acceptsPassword(String id, String password) {
            return false;
        }

        @Override
        public void setPassword(String id, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ensureIdentity(Identity identity, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ensureGroup(String groupId, String name, String type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void ensureMembership(String identityId, String groupId) {
            throw new UnsupportedOperationException();
        }
    }
}
