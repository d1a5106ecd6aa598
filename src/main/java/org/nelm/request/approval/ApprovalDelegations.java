package org.nelm.request.approval;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The out-of-office delegations, one per identity (table nelm_approval_delegation). */
@Repository
class ApprovalDelegations {

    private final JdbcClient jdbc;

    ApprovalDelegations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApprovalDelegation> of(String identityId) {
        return jdbc.sql("select * from nelm_approval_delegation where identity_id = :id")
                .param("id", identityId)
                .query((rs, row) -> new ApprovalDelegation(rs.getString("identity_id"), rs.getString("delegate_id"),
                        rs.getObject("starts", OffsetDateTime.class), rs.getObject("ends", OffsetDateTime.class),
                        rs.getString("comment")))
                .optional();
    }

    /** Stores the identity's delegation, replacing the one it had. */
    void put(ApprovalDelegation delegation, OffsetDateTime now) {
        remove(delegation.identityId());
        jdbc.sql("""
                        insert into nelm_approval_delegation (identity_id, delegate_id, starts, ends, comment, modified)
                        values (:id, :delegate, :starts, :ends, :comment, :now)
                        """)
                .param("id", delegation.identityId()).param("delegate", delegation.delegateId())
                .param("starts", delegation.start()).param("ends", delegation.end())
                .param("comment", new SqlParameterValue(Types.VARCHAR, delegation.comment())).param("now", now)
                .update();
    }

    boolean remove(String identityId) {
        return jdbc.sql("delete from nelm_approval_delegation where identity_id = :id").param("id", identityId)
                .update() == 1;
    }
}
