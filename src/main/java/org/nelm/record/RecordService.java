package org.nelm.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.InputText;
import org.nelm.source.SourceDeleting;
import org.nelm.source.SourcePolicies;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records of non-employees. A record created by the last approval of a request and one created through the
 * records API go through {@link #create}, so both obey the same uniqueness and per-source limit. Every write
 * publishes its domain event ({@link RecordCreated}, {@link RecordChanged}, {@link RecordDeleted}) in its
 * transaction; the bulk import writes through {@code RecordBatchWriter} and publishes none per row.
 */
@Service
public class RecordService {

    public static final int MAX_RECORDS_PER_SOURCE = 20_000;

    private final JdbcClient jdbc;
    private final SourcePolicies sources;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public RecordService(JdbcClient jdbc, SourcePolicies sources, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sources = sources;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a record. The source row is locked first, so parallel writers cannot pass the per-source limit
     * nor both take one accountName. {@code actor} made it; {@code requestId} is the approved request it comes from, or
     * null.
     */
    @Transactional
    public NonEmployeeRecord create(NonEmployee nonEmployee, String actor, String requestId) {
        if (!sources.lock(nonEmployee.sourceId())) {
            throw ApiException.badRequest(NonEmployeeValidator.unknownSource(nonEmployee.sourceId()));
        }
        checkRoomFor(nonEmployee.sourceId(), nonEmployee.accountName());
        OffsetDateTime now = StoredTime.now(clock);
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into nelm_record (id, source_id, account_name, first_name, last_name, email, phone, manager,
                    data_json, start_date, end_date, created, modified)
                values (:id, :sourceId, :accountName, :firstName, :lastName, :email, :phone, :manager,
                    :data, :startDate, :endDate, :now, :now)
                """)
                .param("id", id)
                .params(nonEmployee.sqlParams())
                .param("now", now)
                .update();
        NonEmployeeRecord created = find(id).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        fields(created).forEach((field, value) -> {
            if (value != null) {
                values.put(field, value);
            }
        });
        events.publishEvent(new RecordCreated(id, actor, now.toInstant(), created.sourceId(), created.accountName(),
                requestId, values));
        return created;
    }

    /**
     * Replaces every field of a record (its source stays). Locks the source like {@link #create}, so a new
     * accountName cannot race with a parallel create of the same name.
     */
    @Transactional
    public NonEmployeeRecord replace(String id, NonEmployee nonEmployee, String actor) {
        if (!sources.lock(nonEmployee.sourceId())) {
            throw ApiException.notFound();
        }
        // read under the source's lock, which every record write takes: the old values cannot change meanwhile
        NonEmployeeRecord before = find(id).filter(found -> found.sourceId().equals(nonEmployee.sourceId()))
                .orElseThrow(ApiException::notFound);
        boolean nameTaken = jdbc.sql("""
                        select count(*) from nelm_record
                        where source_id = :sourceId and account_name = :accountName and id <> :id
                        """)
                .param("sourceId", nonEmployee.sourceId()).param("accountName", nonEmployee.accountName())
                .param("id", id)
                .query(Long.class).single() > 0;
        if (nameTaken) {
            throw accountNameConflict(nonEmployee.accountName());
        }
        int updated = jdbc.sql("""
                        update nelm_record set account_name = :accountName, first_name = :firstName,
                            last_name = :lastName, email = :email, phone = :phone, manager = :manager,
                            data_json = :data, start_date = :startDate, end_date = :endDate, modified = :now
                        where id = :id and source_id = :sourceId
                        """)
                .param("id", id)
                .params(nonEmployee.sqlParams())
                .param("now", StoredTime.now(clock))
                .update();
        if (updated == 0) {
            throw ApiException.notFound();
        }
        NonEmployeeRecord after = find(id).orElseThrow();
        Map<String, Object> old = fields(before);
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        fields(after).forEach((field, value) -> {
            if (!java.util.Objects.equals(old.get(field), value)) {
                Map<String, Object> change = new HashMap<>();
                change.put("old", old.get(field));
                change.put("new", value);
                changes.put(field, change);
            }
        });
        events.publishEvent(new RecordChanged(id, actor, after.modified().toInstant(), after.sourceId(),
                after.accountName(), changes));
        return after;
    }

    /** Deletes one record; false when there was none. */
    @Transactional
    public boolean delete(String id, String actor) {
        Optional<NonEmployeeRecord> record = jdbc.sql("select * from nelm_record where id = :id for update")
                .param("id", id).query(this::map).optional();
        if (record.isEmpty() || jdbc.sql("delete from nelm_record where id = :id").param("id", id).update() == 0) {
            return false;
        }
        events.publishEvent(new RecordDeleted(id, actor, Instant.now(clock), record.get().sourceId(),
                record.get().accountName()));
        return true;
    }

    /**
     * A source is being deleted (its row is locked): its records go in the same transaction. There is no foreign
     * key to do it (V44): every record write locks the source row, which is what the key checked row by row.
     */
    @EventListener
    public void onSourceDeleting(SourceDeleting event) {
        jdbc.sql("delete from nelm_record where source_id = :sourceId").param("sourceId", event.sourceId()).update();
    }

    /**
     * Deletes all the records or none: when any id is unknown nothing is deleted and the unknown ids are named
     * in the 400. The rows are locked first, so a parallel delete cannot make the check stale.
     */
    @Transactional
    public void deleteAll(Collection<String> ids, String actor) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        Map<String, String[]> found = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(wanted))) {
            jdbc.sql("select id, source_id, account_name from nelm_record where id in (:ids) for update")
                    .param("ids", chunk)
                    .query(rs -> {
                        found.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        List<String> unknown = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            String named = unknown.stream().limit(20).map(InputText::quoted).collect(Collectors.joining(", "));
            throw ApiException.badRequest("Unknown non-employee record ids, nothing was deleted: " + named
                    + (unknown.size() > 20 ? " and " + (unknown.size() - 20) + " more" : ""));
        }
        for (List<String> chunk : chunks(List.copyOf(wanted))) {
            jdbc.sql("delete from nelm_record where id in (:ids)").param("ids", chunk).update();
        }
        Instant now = Instant.now(clock);
        for (String id : wanted) {
            String[] record = found.get(id);
            events.publishEvent(new RecordDeleted(id, actor, now, record[0], record[1]));
        }
    }

    /** A record's fields by their API names, as events carry them (dates as ISO-8601 instants, data as a map). */
    private static Map<String, Object> fields(NonEmployeeRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("accountName", record.accountName());
        fields.put("firstName", record.firstName());
        fields.put("lastName", record.lastName());
        fields.put("email", record.email());
        fields.put("phone", record.phone());
        fields.put("manager", record.manager());
        fields.put("startDate", record.startDate() == null ? null : record.startDate().toInstant().toString());
        fields.put("endDate", record.endDate() == null ? null : record.endDate().toInstant().toString());
        fields.put("data", record.data() == null ? Map.of() : Map.copyOf(record.data()));
        return fields;
    }

    /** IN lists stay well below PostgreSQL's 32,767 bind parameters. */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + 1000)));
        }
        return chunks;
    }

    public Optional<NonEmployeeRecord> find(String id) {
        return jdbc.sql("select * from nelm_record where id = :id").param("id", id).query(this::map).optional();
    }

    /**
     * Refuses a new record (or a request for one) whose accountName a record of the source already has
     * ({@code 400.1.409}) and a source at its limit ({@code 400.1.4}); one query for both.
     */
    public void checkRoomFor(String sourceId, String accountName) {
        long[] recordsAndNamed = jdbc.sql("""
                        select count(*), count(case when account_name = :accountName then 1 end) from nelm_record
                        where source_id = :sourceId
                        """)
                .param("sourceId", sourceId).param("accountName", accountName)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (recordsAndNamed[1] > 0) {
            throw accountNameConflict(accountName);
        }
        if (recordsAndNamed[0] >= MAX_RECORDS_PER_SOURCE) {
            throw ApiException.limit("A source holds at most " + MAX_RECORDS_PER_SOURCE + " non-employee records");
        }
    }

    public long countBySource(String sourceId) {
        return jdbc.sql("select count(*) from nelm_record where source_id = :sourceId")
                .param("sourceId", sourceId).query(Long.class).single();
    }

    public long countBySources(Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("select count(*) from nelm_record where source_id in (:ids)")
                .param("ids", sourceIds).query(Long.class).single();
    }

    /** The contract's message for a taken accountName (reference section 11.3). */
    public static ApiException accountNameConflict(String accountName) {
        return ApiException.conflict("Unable to create Non-Employee because the accountName \"" + accountName
                + "\" is already being used.");
    }

    NonEmployeeRecord map(ResultSet rs, int row) throws SQLException {
        return new NonEmployeeRecord(rs.getString("id"), rs.getString("account_name"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getString("phone"), rs.getString("manager"),
                rs.getString("source_id"), DataJson.read(rs.getString("data_json")),
                utc(rs, "start_date"), utc(rs, "end_date"), utc(rs, "modified"), utc(rs, "created"));
    }

    /** H2 keeps the offset a date-time was written with, PostgreSQL answers in UTC: answer UTC on both. */
    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
