package org.nelm.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Short job takeover timings for the nodes of the cluster tests, so that a dead node's work is taken over in
 * seconds: the mechanism is the production one, only its clocks run faster. {@code -Dnelm.test.takeover=production}
 * keeps the shipped values (application.yaml) instead, to measure them (each takeover then takes up to 40 s).
 */
public class TakeoverTimings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, Object> SHORT = Map.of(
            // the job executor: a lock outlives its node by at most 5 s; an idle node polls every second
            "camunda.bpm.job-execution.lock-time-in-millis", "5000",
            "camunda.bpm.job-execution.wait-time-in-millis", "500",
            "camunda.bpm.job-execution.max-wait", "1000",
            // events: undelivered after 5 s, the redelivery timer every 2 s
            "nelm.events.redeliver-after", "PT5S",
            "nelm.events.redelivery-cycle", "0/2 * * * * ?");

    public static boolean production() {
        return "production".equalsIgnoreCase(System.getProperty("nelm.test.takeover"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!production()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("nelm-takeover-timings", SHORT));
        }
    }
}
