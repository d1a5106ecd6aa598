package org.nelm.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approval items: rows of our own, written in the transaction that moves the process, so they outlive the
 * process instance and always agree with the engine.
 */
@Repository
public class ApprovalItems {

    private final JdbcClient jdbc;

    ApprovalItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The routed levels as NOT_READY items, level 1 first, in one statement. */
    void insert(String requestId, List<RoutedLevel> levels, OffsetDateTime now) {
        if (levels.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            RoutedLevel level = levels.get(i);
            rows.add(new Object[] {UUID.randomUUID().toString(), requestId, i + 1, level.approver().type().name(),
                    level.approver().id(), ApprovalStatus.NOT_READY.name(), level.routingJson(), now, now});
        }
        jdbc.sql("""
                        insert into nelm_approval_item (id, request_id, approval_order, approver_type, approver_id, status,
                            routing_json, created, modified)
                        values :rows
                        """)
                .param("rows", rows)
                .update();
    }

    public Optional<ApprovalItemRow> find(String id) {
        return jdbc.sql("select * from nelm_approval_item where id = :id").param("id", id).query(ApprovalItems::map)
                .optional();
    }

    /** The item, locked until the transaction ends: deciding transactions on one item run one after the other. */
    Optional<ApprovalItemRow> lock(String id) {
        return jdbc.sql("select * from nelm_approval_item where id = :id for update").param("id", id)
                .query(ApprovalItems::map).optional();
    }

    public List<ApprovalItemRow> ofRequest(String requestId) {
        return jdbc.sql("select * from nelm_approval_item where request_id = :id order by approval_order")
                .param("id", requestId).query(ApprovalItems::map).list();
    }

    /** Items of many requests at once, grouped by request id, each list in approval order. */
    public Map<String, List<ApprovalItemRow>> ofRequests(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from nelm_approval_item where request_id in (:ids) order by approval_order")
                .param("ids", requestIds).query(ApprovalItems::map).list().stream()
                .collect(Collectors.groupingBy(ApprovalItemRow::requestId));
    }

    /** The level's turn: its item becomes PENDING with the task; false if the request has no such level. */
    boolean start(String requestId, int order, String taskId, OffsetDateTime now) {
        return jdbc.sql("""
                        update nelm_approval_item set status = 'PENDING', task_id = :taskId, modified = :now
                        where request_id = :requestId and approval_order = :order
                        """)
                .param("requestId", requestId).param("order", order).param("taskId", taskId).param("now", now)
                .update() == 1;
    }

    /**
     * Records the decision on the request's item at that level; false when the item was not PENDING (any more):
     * of two racing decisions the second finds the row changed once the first commits.
     */
    boolean decide(String requestId, int order, ApprovalStatus status, String comment, String decidedBy,
                   OffsetDateTime now) {
        return jdbc.sql("""
                        update nelm_approval_item set status = :status, comment = :comment, decided_by = :decidedBy,
                            modified = :now
                        where request_id = :requestId and approval_order = :order and status = 'PENDING'
                        """)
                .param("status", status.name()).param("comment", comment).param("decidedBy", decidedBy)
                .param("now", now).param("requestId", requestId).param("order", order)
                .update() == 1;
    }

    /** Every item of the request that is still undecided becomes CANCELLED. */
    void cancelUndecided(String requestId, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_approval_item set status = 'CANCELLED', modified = :now
                        where request_id = :requestId and status in ('PENDING', 'NOT_READY')
                        """)
                .param("requestId", requestId).param("now", now).update();
    }

    static ApprovalItemRow map(ResultSet rs, int row) throws SQLException {
        return new ApprovalItemRow(rs.getString("id"), rs.getString("request_id"), rs.getInt("approval_order"),
                new ApproverRef(ApproverType.valueOf(rs.getString("approver_type")), rs.getString("approver_id")),
                ApprovalStatus.valueOf(rs.getString("status")), rs.getString("comment"), rs.getString("decided_by"),
                rs.getString("routing_json"), rs.getString("task_id"),
                rs.getObject("created", OffsetDateTime.class), rs.getObject("modified", OffsetDateTime.class));
    }
}
