package org.nelm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nelm.security.*}: token lifetimes, signing keys, the token endpoint's throttle and the actuator's
 * credentials. Every default here is the production default; docs/security.md explains each.
 */
@ConfigurationProperties("nelm.security")
public record SecurityProperties(Duration tokenValidity, String issuerUri, Duration personalAccessTokenLifetime,
                                 Signing signing, TokenEndpoint tokenEndpoint, Actuator actuator) {

    public SecurityProperties {
        tokenValidity = tokenValidity == null ? Duration.ofMinutes(15) : tokenValidity;
        personalAccessTokenLifetime = personalAccessTokenLifetime == null
                ? Duration.ofDays(180) : personalAccessTokenLifetime;
        signing = signing == null ? new Signing(null, null, null) : signing;
        tokenEndpoint = tokenEndpoint == null ? new TokenEndpoint(null, null) : tokenEndpoint;
        actuator = actuator == null ? new Actuator(null, null) : actuator;
    }

    /**
     * @param rotateAfter age at which the active key is replaced by a new one
     * @param refresh     how long a node uses the keys it read before it reads them again
     * @param secret      encrypts the private keys in the database; empty = stored unencrypted
     */
    public record Signing(Duration rotateAfter, Duration refresh, String secret) {

        public Signing {
            rotateAfter = rotateAfter == null ? Duration.ofDays(30) : rotateAfter;
            refresh = refresh == null ? Duration.ofMinutes(1) : refresh;
        }
    }

    /**
     * @param maxFailures  failed client authentications in a row (per client id, per source address) before 429
     * @param failureWindow time in which a full budget of failures comes back
     */
    public record TokenEndpoint(Integer maxFailures, Duration failureWindow) {

        public TokenEndpoint {
            maxFailures = maxFailures == null ? 60 : maxFailures;
            failureWindow = failureWindow == null ? Duration.ofMinutes(10) : failureWindow;
        }
    }

    /** HTTP Basic credentials for every actuator endpoint but health; no password = nobody gets in. */
    public record Actuator(String username, String password) {

        public Actuator {
            username = username == null || username.isBlank() ? "actuator" : username;
        }

        boolean enabled() {
            return password != null && !password.isBlank();
        }
    }

    boolean externalIssuer() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
