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

    /**
     * The source with its approvers, account managers and schema attributes, in one query (every request,
     * approval and record write reads it): one row per part, {@code kind} 0 = the source itself, 1 = an approver,
     * 2 = an account manager, 3 = a schema attribute, each kind in its order.
     */
    public Optional<SourcePolicy> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String[] source = new String[5];
        List<ApproverRef> approvers = new ArrayList<>();
        List<String> accountManagers = new ArrayList<>();
        List<SchemaAttributeDef> attributes = new ArrayList<>();
        jdbc.sql("""
                        select 0 as kind, 0 as position, id as t1, source_id as t2, name as t3, description as t4,
                            owner_id as t5, cast(null as boolean) as b1, cast(null as boolean) as b2
                        from nelm_source where id = :id
                        union all
                        select 1, position, type, approver_id, null, null, null, null, null
                        from nelm_source_approver where source_id = :id
                        union all
                        select 2, position, identity_id, null, null, null, null, null, null
                        from nelm_source_account_manager where source_id = :id
                        union all
                        select 3, position, id, technical_name, label, type, null, system, required
                        from nelm_schema_attribute where source_id = :id
                        order by 1, 2
                        """)
                .param("id", id)
                .query(rs -> {
                    switch (rs.getInt("kind")) {
                        case 0 -> {
                            for (int column = 0; column < source.length; column++) {
                                source[column] = rs.getString("t" + (column + 1));
                            }
                        }
                        case 1 -> approvers.add(new ApproverRef(ApproverType.valueOf(rs.getString("t1")),
                                rs.getString("t2")));
                        case 2 -> accountManagers.add(rs.getString("t1"));
                        default -> attributes.add(new SchemaAttributeDef(rs.getString("t1"), rs.getString("t2"),
                                rs.getString("t3"), rs.getString("t4"), rs.getBoolean("b1"), rs.getBoolean("b2")));
                    }
                });
        if (source[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new SourcePolicy(source[0], source[1], source[2], source[3], source[4], approvers,
                accountManagers, attributes));
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
}
