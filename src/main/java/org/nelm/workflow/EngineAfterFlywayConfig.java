package org.nelm.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway must migrate our tables before the engine creates its ACT_* tables; otherwise Flyway finds a
 * non-empty schema without its history table and refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlywayConfig {

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor processEngineDependsOnFlyway() {
        return new AbstractDependsOnBeanFactoryPostProcessor(
                ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer") {
        };
    }
}
