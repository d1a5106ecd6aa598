package org.nelm.record;

import static org.nelm.platform.query.FilterOperator.EQ;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nelm.platform.query.CollectionQuery;
import org.nelm.platform.query.QueryField;
import org.nelm.platform.query.QuerySpec;
import org.nelm.platform.query.Sorter;
import org.nelm.platform.query.SqlFragment;
import org.nelm.platform.query.SqlQueryBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pages of records for {@code GET /non-employee-records}, with the reference's sorters and filters (5.2). */
@Repository
class RecordList {

    static final QuerySpec SPEC = QuerySpec.builder()
            .fields(QueryField.sortable("id", "r.id"),
                    QueryField.sortable("accountName", "r.account_name"),
                    QueryField.string("sourceId", "r.source_id").withOperators(EQ).withSortable(true),
                    QueryField.sortable("manager", "r.manager"),
                    QueryField.sortable("firstName", "r.first_name"),
                    QueryField.sortable("lastName", "r.last_name"),
                    QueryField.sortable("email", "r.email"),
                    QueryField.sortable("phone", "r.phone"),
                    QueryField.timestamp("startDate", "r.start_date").withSortable(true),
                    QueryField.timestamp("endDate", "r.end_date").withSortable(true),
                    QueryField.timestamp("created", "r.created").withSortable(true),
                    QueryField.timestamp("modified", "r.modified").withSortable(true))
            .defaultOrder("r.created ASC")
            .tieBreaker("r.id")
            .build();

    private final JdbcClient jdbc;
    private final RecordService records;

    RecordList(JdbcClient jdbc, RecordService records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /**
     * One page. {@code onlySources} null means every source; otherwise only records of those sources
     * (an account manager's view), which may be empty.
     */
    List<NonEmployeeRecord> page(CollectionQuery query, List<String> onlySources) {
        if (onlySources != null && onlySources.isEmpty()) {
            return List.of();
        }
        SqlFragment where = where(query, onlySources);
        SqlFragment limit = SqlQueryBuilder.limitOffset(query);
        Map<String, Object> params = new HashMap<>(where.params());
        params.putAll(limit.params());
        return jdbc.sql("select r.* from " + from(where, query.sorters()) + " "
                        + SqlQueryBuilder.orderBy(query.sorters(), SPEC) + " " + limit.sql())
                .params(params)
                .query(records::map)
                .list();
    }

    long count(CollectionQuery query, List<String> onlySources) {
        if (onlySources != null && onlySources.isEmpty()) {
            return 0;
        }
        SqlFragment where = where(query, onlySources);
        return jdbc.sql("select count(*) from nelm_record r " + whereClause(where))
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private static SqlFragment where(CollectionQuery query, List<String> onlySources) {
        SqlFragment filter = SqlQueryBuilder.where(query.filter(), SPEC);
        if (onlySources == null) {
            return filter;
        }
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(filter.params());
        if (!filter.isEmpty()) {
            conditions.add(filter.sql());
        }
        conditions.add("r.source_id in (:onlySources)");
        params.put("onlySources", onlySources);
        return new SqlFragment(String.join(" and ", conditions), params);
    }

    /**
     * With a source condition the rows are narrowed to the sources first (unique (source_id, account_name) index)
     * and then sorted: {@code OFFSET 0} keeps PostgreSQL from walking a global order index (created, or the
     * primary key for "id") and filtering, which at 1M records clustered by source took up to seconds. Not when
     * the order starts with accountName: no global index starts with it, and the (source_id, account_name) index
     * gives that order itself, so a page is read in order instead of sorting all the source's rows (1–3 ms
     * instead of 15–30 ms for a 20,000-record source, docs/performance.md).
     */
    private static String from(SqlFragment where, List<Sorter> sorters) {
        boolean byAccountName = sorters != null && !sorters.isEmpty() && sorters.get(0).field().equals("accountName");
        if (where.isEmpty() || byAccountName) {
            return "nelm_record r " + whereClause(where);
        }
        return "(select * from nelm_record r " + whereClause(where) + " offset 0) r";
    }

    private static String whereClause(SqlFragment where) {
        return where.isEmpty() ? "" : "where " + where.sql();
    }
}
