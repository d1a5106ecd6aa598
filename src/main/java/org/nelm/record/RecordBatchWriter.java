package org.nelm.record;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nelm.platform.StoredTime;
import org.nelm.source.SourcePolicies;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts or updates many records of one source at once, matched by accountName (the bulk import's upsert).
 * Obeys the same per-source lock and 20,000 limit as {@link RecordService#create}, and uses JDBC batches.
 */
@Component
public class RecordBatchWriter {

    /** What happened (or, in a dry run, would happen) to one row. */
    public enum Outcome { CREATED, UPDATED, LIMIT_REACHED }

    // explicit types: otherwise every null (data_json) makes the driver ask the server for the parameter's type
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};
    private static final int[] UPDATE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR};

    private static final String INSERT_COLUMNS = "id, source_id, account_name, first_name, last_name, email, phone, "
            + "manager, data_json, start_date, end_date, created, modified";
    private static final String INSERT = "insert into nelm_record (" + INSERT_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final SourcePolicies sources;
    private final Clock clock;

    RecordBatchWriter(JdbcClient jdbc, JdbcTemplate template, SourcePolicies sources, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * Upserts the rows (their accountNames must be distinct) within the caller's transaction; returns one
     * outcome per row, in order. New rows beyond the source's limit are not written ({@code LIMIT_REACHED}).
     * For an existing record, the custom attributes named in {@code dataColumns} are replaced by the row's
     * values (absent = removed) and the others kept. With {@code write = false} nothing is locked or written:
     * the outcomes say what a real run would do now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Outcome> upsert(String sourceId, List<NonEmployee> rows, Set<String> dataColumns, boolean write) {
        if (write && !sources.lock(sourceId)) {
            throw new IllegalStateException("Source " + sourceId + " no longer exists");
        }
        Map<String, String> idsByName = idsByName(sourceId);
        Map<String, Existing> existing = existing(idsByName, rows);
        // the source's names are all here, so they count its records too (one index scan fewer per batch)
        long count = idsByName.size();
        OffsetDateTime now = StoredTime.now(clock);
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (NonEmployee row : rows) {
            Existing current = existing.get(row.accountName());
            if (current != null) {
                outcomes.add(Outcome.UPDATED);
                updates.add(new Object[] {row.firstName(), row.lastName(), row.email(), row.phone(), row.manager(),
                        DataJson.write(merged(current.data(), row.data(), dataColumns)), row.startDate(),
                        row.endDate(), now, current.id()});
            } else if (count < RecordService.MAX_RECORDS_PER_SOURCE) {
                count++;
                outcomes.add(Outcome.CREATED);
                inserts.add(new Object[] {UUID.randomUUID().toString(), sourceId, row.accountName(), row.firstName(),
                        row.lastName(), row.email(), row.phone(), row.manager(), DataJson.write(row.data()),
                        row.startDate(), row.endDate(), now, now});
            } else {
                outcomes.add(Outcome.LIMIT_REACHED);
            }
        }
        if (write) {
            insert(inserts);
            template.batchUpdate("""
                    update nelm_record set first_name = ?, last_name = ?, email = ?, phone = ?, manager = ?,
                        data_json = ?, start_date = ?, end_date = ?, modified = ?
                    where id = ?
                    """, updates, UPDATE_TYPES);
        }
        return outcomes;
    }

    /**
     * New rows go in with {@code COPY} on PostgreSQL (the import's floor: about half the time of batched INSERTs
     * of the same rows, measured in bench/records.sh), with batched INSERTs elsewhere (H2). Both run on the
     * transaction's connection and check the same constraints.
     */
    private void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.execute((ConnectionCallback<Void>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), rows);
            } else {
                template.batchUpdate(INSERT, rows, INSERT_TYPES);
            }
            return null;
        });
    }

    private static void copy(PGConnection connection, List<Object[]> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 256);
        // POSTGRESQL_CSV: an unquoted empty field is NULL, every other value is quoted
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (Object[] row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            connection.getCopyAPI().copyIn("copy nelm_record (" + INSERT_COLUMNS + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of the source the rows name. The source's names are read whole (at most 20,000, from the
     * (source_id, account_name) index): an {@code account_name in (...)} list of a batch's 1,000 bind values made
     * PostgreSQL filter every row of the source against the list, which grew to seconds per batch.
     */
    private Map<String, String> idsByName(String sourceId) {
        Map<String, String> idsByName = new HashMap<>();
        jdbc.sql("select account_name, id from nelm_record where source_id = :sourceId")
                .param("sourceId", sourceId)
                .query(rs -> {
                    idsByName.put(rs.getString(1), rs.getString(2));
                });
        return idsByName;
    }

    /** The existing records among the rows, with their custom attributes (which an update merges). */
    private Map<String, Existing> existing(Map<String, String> idsByName, List<NonEmployee> rows) {
        List<String> ids = rows.stream().map(row -> idsByName.get(row.accountName())).filter(id -> id != null).toList();
        Map<String, Existing> existing = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select id, account_name, data_json from nelm_record where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        existing.put(rs.getString("account_name"),
                                new Existing(rs.getString("id"), DataJson.read(rs.getString("data_json"))));
                    });
        }
        return existing;
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> row,
                                              Set<String> dataColumns) {
        Map<String, String> merged = new LinkedHashMap<>(current);
        dataColumns.forEach(merged::remove);
        merged.putAll(row);
        return merged;
    }


    private record Existing(String id, Map<String, String> data) {
    }
}
