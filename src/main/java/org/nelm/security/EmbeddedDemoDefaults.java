package org.nelm.security;

import java.util.HashMap;
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
 * Only the embedded demo (the H2 database of {@code mvn spring-boot:run}) has defaults whose secrets are
 * published: demo mode on, and the Camunda admin's password = its id ({@code admin/admin}, as the README says).
 * On any other database demo mode is off unless {@code NELM_DEMO=true}, and without an admin password
 * ({@code NELM_ADMIN_PASSWORD}) the start stops with one log line. This runs before any bean exists, so the
 * engine never creates the admin with a password nobody chose.
 */
@Component
class EmbeddedDemoDefaults implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String DEMO = "nelm.demo.enabled";
    static final String PASSWORD = "camunda.bpm.admin-user.password";
    static final String MESSAGE = "Refusing to start: no admin password is set. Set NELM_ADMIN_PASSWORD "
            + "(camunda.bpm.admin-user.password); only the embedded H2 demo has the default admin/admin.";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDemoDefaults.class);

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean h2 = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        Map<String, Object> defaults = new HashMap<>();
        String demo = environment.getProperty(DEMO);
        boolean demoMode = demo == null || demo.isBlank() ? h2 : Boolean.parseBoolean(demo.trim());
        defaults.put(DEMO, String.valueOf(demoMode));
        String password = environment.getProperty(PASSWORD);
        if (password == null || password.isBlank()) {
            if (!(h2 && demoMode)) {
                log.error(MESSAGE);
                throw new AdminPasswordMissing();
            }
            defaults.put(PASSWORD, environment.getProperty("camunda.bpm.admin-user.id", "admin"));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("nelm-embedded-demo-defaults", defaults));
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
