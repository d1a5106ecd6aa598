package org.nelm.security;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded H2 demo the Camunda admin's password must be set ({@code NELM_ADMIN_PASSWORD}); without
 * it the start stops with one log line. Only in the embedded demo (an H2 database with demo data on) does it
 * default to the admin's id, {@code admin/admin} as the README says. This runs before any bean exists, so the
 * engine never creates the admin with a password nobody chose.
 */
@Component
class AdminPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String PASSWORD = "camunda.bpm.admin-user.password";
    static final String MESSAGE = "Refusing to start: no admin password is set. Set NELM_ADMIN_PASSWORD "
            + "(camunda.bpm.admin-user.password); only the embedded H2 demo has the default admin/admin.";

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordCheck.class);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String password = environment.getProperty(PASSWORD);
        if (password != null && !password.isBlank()) {
            return;
        }
        if (embeddedDemo(environment)) {
            String adminId = environment.getProperty("camunda.bpm.admin-user.id", "admin");
            environment.getPropertySources().addFirst(
                    new MapPropertySource("nelm-embedded-demo-admin", Map.of(PASSWORD, adminId)));
            return;
        }
        log.error(MESSAGE);
        throw new AdminPasswordMissing();
    }

    static boolean embeddedDemo(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")
                && environment.getProperty("nelm.demo.enabled", Boolean.class, false);
    }

    static final class AdminPasswordMissing extends IllegalStateException {

        AdminPasswordMissing() {
            super(MESSAGE);
        }
    }

    /** Boot's start-failure report for it, instead of a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<AdminPasswordMissing> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordMissing cause) {
            return new FailureAnalysis("No admin password is set, and this is not the embedded H2 demo.",
                    "Set NELM_ADMIN_PASSWORD to the Camunda admin's password (docs/security.md, "
                            + "\"Defaults, and how to run in production\").", cause);
        }
    }
}
