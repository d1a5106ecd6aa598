package org.nelm.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.platform.query.SqlFragment;
import org.nelm.record.DataJson;
import org.nelm.record.NonEmployee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored requests. Status changes happen only through the approval steps and the request service. */
@Repository
public class Requests {

    private static final String COLUMNS = "select r.*, s.name as source_name";
    private static final String FROM = " from nelm_request r join nelm_source s on s.id = r.source_id";
    private static final String SELECT = COLUMNS + FROM;

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String requesterId, NonEmployee nonEmployee, OffsetDateTime now) {
        jdbc.sql("""
                        insert into nelm_request (id, source_id, requester_id, account_name, first_name, last_name, email,
                            phone, manager, data_json, start_date, end_date, approval_status, open_account_name,
                            created, modified)
                        values (:id, :sourceId, :requesterId, :accountName, :firstName, :lastName, :email, :phone,
                            :manager, :data, :startDate, :endDate, 'PENDING', :accountName, :now, :now)
                        """)
                .param("id", id)
                .param("requesterId", requesterId)
                .params(nonEmployee.sqlParams())
                .param("now", now)
                .update();
    }

    public Optional<RequestRow> find(String id) {
        return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).optional();
    }

    /** The request, locked until the transaction ends, so that status changes on it are serialized. */
    public Optional<RequestRow> lock(String id) {
        boolean exists = !jdbc.sql("select id from nelm_request where id = :id for update").param("id", id)
                .query(String.class).list().isEmpty();
        return exists ? find(id) : Optional.empty();
    }

    /** Ends the request (its accountName is free again for a new request); completionDate only for APPROVED. */
    public void finish(String id, ApprovalStatus status, String comment, String recordId, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_request set approval_status = :status, comment = :comment, record_id = :recordId,
                            completion_date = :completion, modified = :now, open_account_name = null
                        where id = :id
                        """)
                .param("id", id).param("status", status.name()).param("comment", comment)
                .param("recordId", recordId)
                .param("completion", status == ApprovalStatus.APPROVED ? now : null)
                .param("now", now).update();
    }

    void delete(String id) {
        jdbc.sql("delete from nelm_request where id = :id").param("id", id).update();
    }

    List<String> ofSource(String sourceId, ApprovalStatus status) {
        return jdbc.sql("select id from nelm_request where source_id = :sourceId and approval_status = :status")
                .param("sourceId", sourceId).param("status", status.name()).query(String.class).list();
    }

    void deleteOfSource(String sourceId) {
        jdbc.sql("delete from nelm_approval_item where request_id in (select id from nelm_request where source_id = :s)")
                .param("s", sourceId).update();
        jdbc.sql("delete from nelm_request where source_id = :s").param("s", sourceId).update();
    }

    /** One page of requests visible under the given condition (alias r), filter and order. */
    List<RequestRow> page(SqlFragment visible, SqlFragment filter, String orderBy, SqlFragment limitOffset) {
        String where = visible.sql() + (filter.isEmpty() ? "" : " and " + filter.sql());
        return jdbc.sql(SELECT + " where " + where + " " + orderBy + " " + limitOffset.sql())
                .params(visible.params()).params(filter.params()).params(limitOffset.params())
                .query(this::map).list();
    }

    long count(SqlFragment visible, SqlFragment filter) {
        String where = visible.sql() + (filter.isEmpty() ? "" : " and " + filter.sql());
        return jdbc.sql("select count(*) from nelm_request r where " + where)
                .params(visible.params()).params(filter.params()).query(Long.class).single();
    }

    /** Number of requests per status under the given condition (alias r). */
    Map<ApprovalStatus, Long> countByStatus(SqlFragment visible) {
        Map<ApprovalStatus, Long> counts = new java.util.EnumMap<>(ApprovalStatus.class);
        jdbc.sql("select r.approval_status, count(*) as n from nelm_request r where " + visible.sql()
                        + " group by r.approval_status")
                .params(visible.params())
                .query((rs, row) -> counts.put(ApprovalStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Requests in the given sources or made by the identity (alias r). */
    static SqlFragment visibleTo(String identityId, Collection<String> managedSourceIds) {
        if (managedSourceIds.isEmpty()) {
            return new SqlFragment("r.requester_id = :visibleRequester", Map.of("visibleRequester", identityId));
        }
        return new SqlFragment("(r.requester_id = :visibleRequester or r.source_id in (:visibleSources))",
                Map.of("visibleRequester", identityId, "visibleSources", List.copyOf(managedSourceIds)));
    }

    RequestRow map(ResultSet rs, int row) throws SQLException {
        NonEmployee nonEmployee = new NonEmployee(rs.getString("source_id"), rs.getString("account_name"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("manager"), DataJson.read(rs.getString("data_json")),
                rs.getObject("start_date", OffsetDateTime.class), rs.getObject("end_date", OffsetDateTime.class));
        return new RequestRow(rs.getString("id"), rs.getString("requester_id"), nonEmployee,
                rs.getString("source_name"), ApprovalStatus.valueOf(rs.getString("approval_status")), rs.getString("comment"),
                rs.getObject("completion_date", OffsetDateTime.class), rs.getString("record_id"),
                rs.getObject("created", OffsetDateTime.class), rs.getObject("modified", OffsetDateTime.class));
    }
}
