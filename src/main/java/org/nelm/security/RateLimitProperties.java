package org.nelm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("nelm.rate-limit")
public record RateLimitProperties(boolean enabled, Integer requests, Duration period) {

    public RateLimitProperties {
        requests = requests == null ? 100 : requests;
        period = period == null ? Duration.ofSeconds(10) : period;
    }
}
