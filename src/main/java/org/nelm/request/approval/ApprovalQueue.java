package org.nelm.request.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nelm.platform.query.SqlFragment;
import org.nelm.source.ApproverType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval items one approver sees: those naming the identity and those of its governance groups (a group's
 * item counts for each member).
 */
@Repository
class ApprovalQueue {

    /** An item with what the approvals API shows of its request. */
    record Entry(ApprovalItemRow item, String accountName, String requesterId) {
    }

    private static final String ENTRY = "select i.*, r.account_name as request_account_name, "
            + "r.requester_id as request_requester from nelm_approval_item i join nelm_request r on r.id = i.request_id ";

    private final JdbcClient jdbc;

    ApprovalQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> entry(String itemId) {
        return jdbc.sql(ENTRY + "where i.id = :id").param("id", itemId).query(ApprovalQueue::entry).optional();
    }

    List<Entry> page(String identityId, Set<String> groups, SqlFragment filter, String orderBy, SqlFragment limitOffset) {
        SqlFragment mine = assignedTo(identityId, groups);
        return jdbc.sql(ENTRY + "where " + mine.sql() + (filter.isEmpty() ? "" : " and " + filter.sql()) + " "
                        + orderBy + " " + limitOffset.sql())
                .params(mine.params()).params(filter.params()).params(limitOffset.params())
                .query(ApprovalQueue::entry)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(ApprovalItems.map(rs, row), rs.getString("request_account_name"), rs.getString("request_requester"));
    }

    long count(String identityId, Set<String> groups, SqlFragment filter) {
        SqlFragment mine = assignedTo(identityId, groups);
        return jdbc.sql("select count(*) from nelm_approval_item i where " + mine.sql()
                        + (filter.isEmpty() ? "" : " and " + filter.sql()))
                .params(mine.params()).params(filter.params()).query(Long.class).single();
    }

    Map<ApprovalStatus, Long> countByStatus(String identityId, Set<String> groups) {
        SqlFragment mine = assignedTo(identityId, groups);
        Map<ApprovalStatus, Long> counts = new EnumMap<>(ApprovalStatus.class);
        jdbc.sql("select i.status, count(*) from nelm_approval_item i where " + mine.sql() + " group by i.status")
                .params(mine.params())
                .query((rs, row) -> counts.put(ApprovalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    private static SqlFragment assignedTo(String identityId, Set<String> groups) {
        if (groups.isEmpty()) {
            return new SqlFragment("(i.approver_type = '" + ApproverType.IDENTITY + "' and i.approver_id = :approver)",
                    Map.of("approver", identityId));
        }
        return new SqlFragment("((i.approver_type = '" + ApproverType.IDENTITY + "' and i.approver_id = :approver)"
                + " or (i.approver_type = '" + ApproverType.GOVERNANCE_GROUP + "' and i.approver_id in (:groups)))",
                Map.of("approver", identityId, "groups", new ArrayList<>(groups)));
    }
}
