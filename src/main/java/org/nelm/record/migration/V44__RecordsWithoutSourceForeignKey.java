package org.nelm.record.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from nelm_record to nelm_source. Every record write already locks its source row (the
 * 20,000 limit needs it), and deleting a source deletes its records in the same transaction, so the key only
 * repeated, per row, what the lock guarantees once per transaction: it was 40 % of the database's work when an
 * import writes 20,000 records. A Java migration because the constraint's generated name differs by database.
 */
public class V44__RecordsWithoutSourceForeignKey extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        DatabaseMetaData metaData = connection.getMetaData();
        boolean upper = metaData.storesUpperCaseIdentifiers();
        List<String> constraints = new ArrayList<>();
        try (ResultSet keys = metaData.getImportedKeys(connection.getCatalog(), connection.getSchema(),
                upper ? "NELM_RECORD" : "nelm_record")) {
            while (keys.next()) {
                if (keys.getString("PKTABLE_NAME").equalsIgnoreCase("nelm_source")) {
                    constraints.add(keys.getString("FK_NAME"));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                statement.execute("alter table nelm_record drop constraint \"" + constraint + "\"");
            }
        }
    }
}
