package org.nelm.record;

import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads all records of a source row by row from a database cursor, for the CSV export: memory stays constant
 * whatever the number of records. PostgreSQL only streams with a fetch size inside a transaction.
 */
@Component
public class RecordStream {

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate cursor;
    private final RecordService records;

    RecordStream(DataSource dataSource, RecordService records) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.records = records;
    }

    /** Calls the consumer once per record of the source, ordered by accountName. */
    @Transactional(readOnly = true)
    public void forEachInSource(String sourceId, Consumer<NonEmployeeRecord> consumer) {
        cursor.query("select * from nelm_record where source_id = ? order by account_name",
                rs -> {
                    consumer.accept(records.map(rs, 0));
                },
                sourceId);
    }
}
