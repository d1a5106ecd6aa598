package org.nelm.request.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nelm.platform.TransactionBound;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approval items: rows of our own, written in the transaction that moves the process, so they outlive the
 * process instance and always agree with the engine.
 */
@Repository
public class ApprovalItems {

    private final JdbcClient jdbc;
    private final boolean writeBehind;

    ApprovalItems(JdbcClient jdbc, @Value("${nelm.requests.write-behind:true}") boolean writeBehind) {
        this.jdbc = jdbc;
        this.writeBehind = writeBehind;
    }

    /**
     * Levels routed in the current transaction and not yet written, by request. Routing and the start of level 1
     * run in one engine command, so a request's items are written in one statement as level 1 starts (instead
     * of an insert and an update), or just before commit when no level starts. Every other read or write of
     * items writes them first, so nothing ever sees the table without them. What it saves, with
     * {@link RequestsStoredNow}: an update and three reads per intake; without them intake ran 10-22 % slower
     * against stock Camunda in the same run (bench/workflow.sh, 2026-12-02, docs/performance.md). Switch both off
     * with {@code nelm.requests.write-behind=false}: items are then inserted as routed and read from the table
     * ({@code ApprovalItemsTest} shows both paths store the same rows).
     */
    private static final Object ROUTED = ApprovalItems.class;

    /** A request's items as the current transaction has them; {@code written} once they are in the table. */
    private record Routed(List<ApprovalItemRow> rows, boolean written) {
    }

    /** The routed levels as NOT_READY items, level 1 first (written as described at {@link #ROUTED}). */
    void insert(String requestId, List<RoutedLevel> levels, OffsetDateTime now) {
        List<ApprovalItemRow> rows = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            RoutedLevel level = levels.get(i);
            rows.add(new ApprovalItemRow(UUID.randomUUID().toString(), requestId, i + 1, level.approver(),
                    ApprovalStatus.NOT_READY, null, null, level.routingJson(), null, now, now));
        }
        if (!writeBehind) {
            write(rows);
            return;
        }
        routed().ifPresentOrElse(routed -> routed.put(requestId, new Routed(List.copyOf(rows), rows.isEmpty())),
                () -> write(rows));
    }

    /**
     * The request's items as the current transaction wrote (or is about to write) them, if it routed the request
     * and changed its items only by starting its first level; otherwise empty (read them from the table).
     */
    public Optional<List<ApprovalItemRow>> routedNow(String requestId) {
        return routedSoFar().map(routed -> routed.get(requestId)).map(Routed::rows);
    }

    public Optional<ApprovalItemRow> find(String id) {
        writeRouted();
        return jdbc.sql("select * from nelm_approval_item where id = :id").param("id", id).query(ApprovalItems::map)
                .optional();
    }

    /**
     * The item with its request's requester and manager, the item locked until the transaction ends: deciding
     * transactions on one item run one after the other (the request's row is read, not locked).
     */
    Optional<UnderReview> lock(String id) {
        writeRouted();
        return jdbc.sql("""
                        select i.*,
                            (select r.requester_id from nelm_request r where r.id = i.request_id) as request_requester,
                            (select r.manager from nelm_request r where r.id = i.request_id) as request_manager
                        from nelm_approval_item i where i.id = :id for update
                        """)
                .param("id", id).query(ApprovalItems::underReview).optional();
    }

    public List<ApprovalItemRow> ofRequest(String requestId) {
        writeRouted();
        return jdbc.sql("select * from nelm_approval_item where request_id = :id order by approval_order")
                .param("id", requestId).query(ApprovalItems::map).list();
    }

    /** Items of many requests at once, grouped by request id, each list in approval order. */
    public Map<String, List<ApprovalItemRow>> ofRequests(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        writeRouted();
        return jdbc.sql("select * from nelm_approval_item where request_id in (:ids) order by approval_order")
                .param("ids", requestIds).query(ApprovalItems::map).list().stream()
                .collect(Collectors.groupingBy(ApprovalItemRow::requestId));
    }

    /**
     * The request's next level comes under review by the task: the PENDING item if there is one (a task that an
     * operator restarted in Cockpit takes over its level; the earlier task can then no longer decide it), else the
     * first NOT_READY item, which becomes PENDING. The stand-in gives the level another approver where its own
     * can no longer decide (see {@link ApproverSubstitution#asStarting}). Empty when no level is left to review.
     */
    Optional<LevelStart> startNext(String requestId, String taskId, OffsetDateTime now,
                                   UnaryOperator<ApprovalItemRow> standIn) {
        Routed routed = routedSoFar().map(all -> all.get(requestId)).orElse(null);
        if (routed != null && !routed.written()) {
            if (routed.rows().isEmpty()) {
                return Optional.empty();
            }
            List<ApprovalItemRow> rows = new ArrayList<>(routed.rows());
            ApprovalItemRow first = standIn.apply(rows.get(0)).underReview(taskId, now);
            rows.set(0, first);
            write(rows);
            routedSoFar().ifPresent(all -> all.put(requestId, new Routed(List.copyOf(rows), true)));
            return Optional.of(new LevelStart(first, List.copyOf(rows)));
        }
        List<ApprovalItemRow> rows = ofRequest(requestId);
        Optional<ApprovalItemRow> next = rows.stream().filter(item -> item.status() == ApprovalStatus.PENDING)
                .findFirst()
                .or(() -> rows.stream().filter(item -> item.status() == ApprovalStatus.NOT_READY).findFirst());
        if (next.isEmpty() || rows.stream().anyMatch(item -> item.status() == ApprovalStatus.REJECTED)) {
            return Optional.empty();
        }
        ApprovalItemRow item = standIn.apply(next.get());
        changing(requestId);
        boolean started = jdbc.sql("""
                        update nelm_approval_item set status = 'PENDING', task_id = :taskId, modified = :now,
                            approver_type = :approverType, approver_id = :approverId, routing_json = :routing
                        where id = :id and status = :status
                        """)
                .param("id", item.id()).param("status", item.status().name()).param("taskId", taskId)
                .param("now", now).param("approverType", item.approver().type().name())
                .param("approverId", item.approver().id())
                .param("routing", new SqlParameterValue(Types.VARCHAR, item.routingJson()))
                .update() == 1;
        if (!started) {
            throw new IllegalStateException("Approval level " + item.approvalOrder() + " of request " + requestId
                    + " changed while its review started");
        }
        ApprovalItemRow pending = item.underReview(taskId, now);
        return Optional.of(new LevelStart(pending, rows.stream()
                .map(row -> row.id().equals(pending.id()) ? pending : row).toList()));
    }

    /** The level a task started, and all of the request's items as they are now. */
    record LevelStart(ApprovalItemRow item, List<ApprovalItemRow> all) {
    }

    /** The item the task reviews, with the request's requester and the non-employee's manager. */
    Optional<UnderReview> ofTask(String taskId) {
        writeRouted();
        return jdbc.sql("""
                        select i.*, r.requester_id as request_requester, r.manager as request_manager
                        from nelm_approval_item i join nelm_request r on r.id = i.request_id where i.task_id = :taskId
                        """)
                .param("taskId", taskId)
                .query(ApprovalItems::underReview)
                .optional();
    }

    private static UnderReview underReview(ResultSet rs, int row) throws SQLException {
        return new UnderReview(map(rs, row), rs.getString("request_requester"), rs.getString("request_manager"));
    }

    /**
     * Records the decision on the item the task reviews; false when it is not PENDING (any more) under that task:
     * of two racing decisions the second finds the row changed once the first commits.
     */
    boolean decide(ApprovalItemRow item, ApprovalStatus status, String comment, String decidedBy, OffsetDateTime now) {
        changing(item.requestId());
        return jdbc.sql("""
                        update nelm_approval_item set status = :status, comment = :comment, decided_by = :decidedBy,
                            modified = :now
                        where id = :id and task_id = :taskId and status = 'PENDING'
                        """)
                .param("status", status.name()).param("comment", comment).param("decidedBy", decidedBy)
                .param("now", now).param("id", item.id()).param("taskId", item.taskId())
                .update() == 1;
    }

    /**
     * The PENDING item goes to the identity: its approver becomes that identity and the hand-over is recorded.
     * False when the item is no longer PENDING.
     */
    boolean reassign(ApprovalItemRow item, String to, String by, String comment, OffsetDateTime now) {
        changing(item.requestId());
        boolean moved = jdbc.sql("""
                        update nelm_approval_item set approver_type = 'IDENTITY', approver_id = :to, modified = :now
                        where id = :id and status = 'PENDING'
                        """)
                .param("to", to).param("now", now).param("id", item.id()).update() == 1;
        if (moved) {
            jdbc.sql("""
                            insert into nelm_approval_reassignment (id, item_id, from_type, from_id, to_id, by_id,
                                reassigned, comment)
                            values (:id, :item, :fromType, :fromId, :to, :by, :now, :comment)
                            """)
                    .param("id", UUID.randomUUID().toString()).param("item", item.id())
                    .param("fromType", item.approver().type().name()).param("fromId", item.approver().id())
                    .param("to", to).param("by", by).param("now", now)
                    .param("comment", new SqlParameterValue(Types.VARCHAR, comment))
                    .update();
        }
        return moved;
    }

    /** Ids of the PENDING items whose approver is the identity itself. */
    List<String> pendingOf(String identityId) {
        writeRouted();
        return jdbc.sql("""
                        select id from nelm_approval_item
                        where approver_id = :id and approver_type = 'IDENTITY' and status = 'PENDING' order by created
                        """)
                .param("id", identityId).query(String.class).list();
    }

    /** The reassignments of each of the items that has any, by item id, oldest first. */
    public Map<String, List<Reassignment>> reassignments(Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select * from nelm_approval_reassignment where item_id in (:items) order by reassigned, id
                        """)
                .param("items", itemIds)
                .query((rs, row) -> Map.entry(rs.getString("item_id"), new Reassignment(
                        new ApproverRef(ApproverType.valueOf(rs.getString("from_type")), rs.getString("from_id")),
                        rs.getString("to_id"), rs.getString("by_id"),
                        rs.getObject("reassigned", OffsetDateTime.class), rs.getString("comment"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** Every item of the request that is still undecided becomes CANCELLED. */
    void cancelUndecided(String requestId, OffsetDateTime now) {
        changing(requestId);
        jdbc.sql("""
                        update nelm_approval_item set status = 'CANCELLED', modified = :now
                        where request_id = :requestId and status in ('PENDING', 'NOT_READY')
                        """)
                .param("requestId", requestId).param("now", now).update();
    }

    /** Items are about to change in the table: routed ones are written first and no longer known here. */
    private void changing(String requestId) {
        writeRouted();
        routedSoFar().ifPresent(all -> all.remove(requestId));
    }

    private void writeRouted() {
        routedSoFar().ifPresent(this::writeRouted);
    }

    private void writeRouted(Map<String, Routed> routed) {
        List<ApprovalItemRow> rows = new ArrayList<>();
        routed.replaceAll((requestId, items) -> {
            if (!items.written()) {
                rows.addAll(items.rows());
            }
            return new Routed(items.rows(), true);
        });
        write(rows);
    }

    private void write(List<ApprovalItemRow> items) {
        if (items.isEmpty()) {
            return;
        }
        // typed, since a null without a type makes the driver ask the server for the parameter's type
        List<Object[]> rows = items.stream().map(item -> new Object[] {item.id(), item.requestId(),
                item.approvalOrder(), item.approver().type().name(), item.approver().id(), item.status().name(),
                new SqlParameterValue(Types.VARCHAR, item.routingJson()),
                new SqlParameterValue(Types.VARCHAR, item.taskId()), item.created(), item.modified()}).toList();
        jdbc.sql("""
                        insert into nelm_approval_item (id, request_id, approval_order, approver_type, approver_id, status,
                            routing_json, task_id, created, modified)
                        values :rows
                        """)
                .param("rows", rows)
                .update();
    }

    private Optional<Map<String, Routed>> routed() {
        return TransactionBound.value(ROUTED, LinkedHashMap::new, this::writeRouted);
    }

    private static Optional<Map<String, Routed>> routedSoFar() {
        return TransactionBound.existing(ROUTED);
    }

    static ApprovalItemRow map(ResultSet rs, int row) throws SQLException {
        return new ApprovalItemRow(rs.getString("id"), rs.getString("request_id"), rs.getInt("approval_order"),
                new ApproverRef(ApproverType.valueOf(rs.getString("approver_type")), rs.getString("approver_id")),
                ApprovalStatus.valueOf(rs.getString("status")), rs.getString("comment"), rs.getString("decided_by"),
                rs.getString("routing_json"), rs.getString("task_id"),
                rs.getObject("created", OffsetDateTime.class), rs.getObject("modified", OffsetDateTime.class));
    }
}
