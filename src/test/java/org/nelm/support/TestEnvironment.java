package org.nelm.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test application context at its own database and at the test SMTP server, with demo data on, the
 * admin password set (PostgreSQL is not the embedded demo) and actuator credentials.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_PASSWORD = "admin";
    public static final String ACTUATOR_USER = "actuator";
    public static final String ACTUATOR_PASSWORD = "actuator-test-secret";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.port()));
        properties.put("nelm.demo.enabled", "true");
        properties.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
        properties.put("nelm.security.actuator.password", ACTUATOR_PASSWORD);
        // embedded PostgreSQL may stop before a context closes; a scheduled job (mail outbox) asking for a
        // connection then must fail fast, not hold the JVM exit for Hikari's default 30 s (surefire kills it)
        properties.put("spring.datasource.hikari.connection-timeout", "10000");
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("nelm-test-environment", properties));
        // the contexts close at JVM exit, one after the other, and embedded PostgreSQL may be gone by then: what still
        // asks for a connection while a context closes (the event registry lists what is left undelivered) must not
        // wait 10 s each, or the contexts together outlast surefire's 30 s exit timeout
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context
                    && context.containsBean("dataSource")
                    && context.getBean("dataSource") instanceof HikariDataSource pool && !pool.isClosed()) {
                pool.getHikariConfigMXBean().setConnectionTimeout(500);
            }
        });
    }
}
