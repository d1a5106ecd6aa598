package org.nelm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("nelm.security")
public record SecurityProperties(Integer tokenValiditySeconds, String issuerUri) {

    public SecurityProperties {
        tokenValiditySeconds = tokenValiditySeconds == null ? 43199 : tokenValiditySeconds;
    }

    boolean externalIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    Duration tokenValidity() {
        return Duration.ofSeconds(tokenValiditySeconds);
    }
}
