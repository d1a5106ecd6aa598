package org.nelm.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.SqlFragment;
import org.nelm.platform.query.SqlQueryBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of sources, their approvers and account managers. Pages load their children with one query per child
 * table, never one per source.
 */
@Repository
class SourceStore {

    private static final String COLUMNS = """
            s.id, s.source_id, s.cloud_external_id, s.name, s.description, s.owner_id, s.management_workgroup,
            s.created, s.modified""";
    private static final String MANAGED_BY = """
            s.id in (select m.source_id from nelm_source_account_manager m where m.identity_id = :manager)""";

    private final JdbcClient jdbc;

    SourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes every creation of a source in the organization (the 50-source limit, unique names). */
    void lockSourceCreation() {
        jdbc.sql("select name from nelm_limit_lock where name = 'sources' for update").query(String.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from nelm_source").query(Long.class).single();
    }

    boolean nameTaken(String nameKey, String exceptId) {
        return jdbc.sql("select count(*) from nelm_source where name_key = :key and id <> :except")
                .param("key", nameKey).param("except", exceptId == null ? "" : exceptId)
                .query(Long.class).single() > 0;
    }

    boolean cloudExternalIdTaken(String cloudExternalId) {
        return jdbc.sql("select count(*) from nelm_source where cloud_external_id = :id")
                .param("id", cloudExternalId).query(Long.class).single() > 0;
    }

    void insert(String id, String sourceId, String cloudExternalId, SourceDraft draft, OffsetDateTime now) {
        jdbc.sql("""
                        insert into nelm_source (id, source_id, cloud_external_id, name, name_key, description, owner_id,
                            management_workgroup, created, modified)
                        values (:id, :sourceId, :cloudExternalId, :name, :nameKey, :description, :ownerId,
                            :workgroup, :now, :now)
                        """)
                .param("id", id)
                .param("sourceId", sourceId)
                .param("cloudExternalId", cloudExternalId)
                .param("name", draft.name())
                .param("nameKey", draft.nameKey())
                .param("description", draft.description())
                .param("ownerId", draft.ownerId())
                .param("workgroup", draft.managementWorkgroup())
                .param("now", now)
                .update();
        insertChildren(id, draft);
    }

    /** Name, description, approvers and account managers: what a PATCH may change. */
    void update(String id, SourceDraft draft, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_source set name = :name, name_key = :nameKey, description = :description,
                            modified = :now where id = :id
                        """)
                .param("id", id)
                .param("name", draft.name())
                .param("nameKey", draft.nameKey())
                .param("description", draft.description())
                .param("now", now)
                .update();
        jdbc.sql("delete from nelm_source_approver where source_id = :id").param("id", id).update();
        jdbc.sql("delete from nelm_source_account_manager where source_id = :id").param("id", id).update();
        insertChildren(id, draft);
    }

    /** Approvers, account managers, schema attributes and records go with it (ON DELETE CASCADE). */
    void delete(String id) {
        jdbc.sql("delete from nelm_source where id = :id").param("id", id).update();
    }

    Optional<StoredSource> find(String id) {
        List<StoredSource> found = load(jdbc.sql("select " + COLUMNS + " from nelm_source s where s.id = :id")
                .param("id", id).query(this::row).list());
        return found.stream().findFirst();
    }

    /** One page in the query's order; {@code managerId} null = all sources, else those it manages. */
    List<StoredSource> page(CollectionQuery query, String orderBy, String managerId) {
        SqlFragment page = SqlQueryBuilder.limitOffset(query);
        var statement = jdbc.sql("select " + COLUMNS + " from nelm_source s"
                        + (managerId == null ? "" : " where " + MANAGED_BY) + " " + orderBy + " " + page.sql())
                .params(page.params());
        if (managerId != null) {
            statement = statement.param("manager", managerId);
        }
        return load(statement.query(this::row).list());
    }

    long total(String managerId) {
        if (managerId == null) {
            return count();
        }
        return jdbc.sql("select count(*) from nelm_source s where " + MANAGED_BY)
                .param("manager", managerId).query(Long.class).single();
    }

    private void insertChildren(String id, SourceDraft draft) {
        for (int i = 0; i < draft.approvers().size(); i++) {
            ApproverRef approver = draft.approvers().get(i);
            jdbc.sql("""
                            insert into nelm_source_approver (source_id, position, type, approver_id)
                            values (:id, :position, :type, :approver)
                            """)
                    .param("id", id).param("position", i).param("type", approver.type().name())
                    .param("approver", approver.id())
                    .update();
        }
        for (int i = 0; i < draft.accountManagerIds().size(); i++) {
            jdbc.sql("""
                            insert into nelm_source_account_manager (source_id, position, identity_id)
                            values (:id, :position, :identity)
                            """)
                    .param("id", id).param("position", i).param("identity", draft.accountManagerIds().get(i))
                    .update();
        }
    }

    private record Row(String id, String sourceId, String cloudExternalId, String name, String description,
                       String ownerId, String managementWorkgroup, OffsetDateTime created, OffsetDateTime modified) {
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("source_id"), rs.getString("cloud_external_id"),
                rs.getString("name"), rs.getString("description"), rs.getString("owner_id"),
                rs.getString("management_workgroup"), rs.getObject("created", OffsetDateTime.class),
                rs.getObject("modified", OffsetDateTime.class));
    }

    /** Adds approvers and account managers to the rows, keeping the rows' order. */
    private List<StoredSource> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<ApproverRef>> approvers = new LinkedHashMap<>();
        jdbc.sql("""
                        select source_id, type, approver_id from nelm_source_approver where source_id in (:ids)
                        order by source_id, position
                        """)
                .param("ids", ids)
                .query(rs -> {
                    approvers.computeIfAbsent(rs.getString("source_id"), k -> new ArrayList<>())
                            .add(new ApproverRef(ApproverType.valueOf(rs.getString("type")), rs.getString("approver_id")));
                });
        Map<String, List<String>> managers = new LinkedHashMap<>();
        jdbc.sql("""
                        select source_id, identity_id from nelm_source_account_manager where source_id in (:ids)
                        order by source_id, position
                        """)
                .param("ids", ids)
                .query(rs -> {
                    managers.computeIfAbsent(rs.getString("source_id"), k -> new ArrayList<>())
                            .add(rs.getString("identity_id"));
                });
        return rows.stream()
                .map(r -> new StoredSource(r.id(), r.sourceId(), r.cloudExternalId(), r.name(), r.description(),
                        r.ownerId(), r.managementWorkgroup(), List.copyOf(approvers.getOrDefault(r.id(), List.of())),
                        List.copyOf(managers.getOrDefault(r.id(), List.of())), r.created(), r.modified()))
                .toList();
    }
}
