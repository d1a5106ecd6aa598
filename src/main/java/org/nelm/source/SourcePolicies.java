package org.nelm.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read side of sources for the other modules (requests, approvals, records, bulk). A source is found by its
 * {@code id}; the contract's path parameters name that id (reference section 13.15, decided in docs/sources.md).
 */
@Repository
public class SourcePolicies {

    private final JdbcClient jdbc;

    SourcePolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourcePolicy> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, source_id, name, description, owner_id from nelm_source where id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    People people = people(id);
                    return new SourcePolicy(rs.getString("id"), rs.getString("source_id"), rs.getString("name"),
                            rs.getString("description"), rs.getString("owner_id"), people.approvers(),
                            people.accountManagers(), attributes(id));
                })
                .optional();
    }

    /**
     * Locks the source row until the transaction ends, so that limit checks on its children (records,
     * attributes) by parallel writers are serialized. Empty if the source does not exist.
     */
    public boolean lock(String id) {
        return !jdbc.sql("select id from nelm_source where id = :id for update").param("id", id)
                .query(String.class).list().isEmpty();
    }

    /** Ids of the sources where the identity is an account manager. */
    public List<String> managedBy(String identityId) {
        return jdbc.sql("select distinct source_id from nelm_source_account_manager where identity_id = :identity")
                .param("identity", identityId)
                .query(String.class)
                .list();
    }

    /** Approvers and account managers, each in their order, in one query (every request reads both). */
    private People people(String id) {
        People people = new People(new ArrayList<>(), new ArrayList<>());
        jdbc.sql("""
                        select 1 as kind, position, type, approver_id as person from nelm_source_approver where source_id = :id
                        union all
                        select 2, position, null, identity_id from nelm_source_account_manager where source_id = :id
                        order by 1, 2
                        """)
                .param("id", id)
                .query(rs -> {
                    if (rs.getInt("kind") == 1) {
                        people.approvers().add(new ApproverRef(ApproverType.valueOf(rs.getString("type")),
                                rs.getString("person")));
                    } else {
                        people.accountManagers().add(rs.getString("person"));
                    }
                });
        return people;
    }

    private record People(List<ApproverRef> approvers, List<String> accountManagers) {
    }

    private List<SchemaAttributeDef> attributes(String id) {
        return jdbc.sql("""
                        select id, technical_name, label, type, system, required from nelm_schema_attribute
                        where source_id = :id order by position
                        """)
                .param("id", id)
                .query((rs, row) -> new SchemaAttributeDef(rs.getString("id"), rs.getString("technical_name"),
                        rs.getString("label"), rs.getString("type"), rs.getBoolean("system"), rs.getBoolean("required")))
                .list();
    }
}
