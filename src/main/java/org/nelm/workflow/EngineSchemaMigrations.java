package org.nelm.workflow;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our additions to the engine's own tables (indexes it lacks), as Flyway migrations under {@code db/engine}. They
 * can only run once the engine has created its tables, so they have a Flyway of their own, with its own history
 * table, started after the engine; the application's migrations (db/migration) run before it. Flyway's lock
 * makes nodes that start together apply each migration once.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaMigrations {

    static final String HISTORY_TABLE = "nelm_engine_schema_history";

    @Bean
    EngineSchemaMigrated engineSchemaMigrated(DataSource dataSource, ProcessEngine engineWithItsTables) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/engine")
                .table(HISTORY_TABLE)
                // the schema already holds our and the engine's tables: start this history at version 0
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new EngineSchemaMigrated();
    }

    /** Marker bean: the engine's tables carry our migrations. */
    record EngineSchemaMigrated() {
    }
}
