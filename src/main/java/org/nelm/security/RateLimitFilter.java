package org.nelm.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nelm.platform.error.ErrorResponses;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request budget per identity, or per client for an application client without a user (Bucket4j token buckets),
 * so that taking more tokens or personal access tokens does not buy more requests. Answered like SailPoint:
 * 429 {@code {"message": " Rate Limit Exceeded "}} with {@code Retry-After} in seconds.
 * Buckets are per node: with N nodes behind a balancer a caller gets at most N times the budget, which keeps
 * the limiter free of a shared round trip per request; documented in docs/architecture.md.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final class Entry {
        private final Bucket bucket;
        private volatile Instant lastUsed;

        private Entry(Bucket bucket, Instant lastUsed) {
            this.bucket = bucket;
            this.lastUsed = lastUsed;
        }
    }

    private final RateLimitProperties properties;
    private final ErrorResponses responses;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimitProperties properties, ErrorResponses responses) {
        this.properties = properties;
        this.responses = responses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!properties.enabled() || authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = Instant.now();
        Entry entry = buckets.computeIfAbsent(keyOf(jwt), k -> new Entry(newBucket(), now));
        entry.lastUsed = now;
        ConsumptionProbe probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(waitSeconds));
        responses.writeJson(response, 429, Map.of("message", " Rate Limit Exceeded "));
    }

    /** The identity, else the client: every token of one caller draws on one budget. */
    static String keyOf(Jwt jwt) {
        String identity = jwt.getClaimAsString(TokenClaims.IDENTITY_ID);
        if (identity != null && !identity.isBlank()) {
            return "identity:" + identity;
        }
        String client = jwt.getClaimAsString(TokenClaims.CLIENT_ID);
        return "client:" + (client != null ? client : jwt.getSubject());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.requests())
                        .refillIntervally(properties.requests(), properties.period())
                        .build())
                .build();
    }

    /** A bucket unused for a whole period is full again: forgetting it changes nothing and bounds memory. */
    @Scheduled(fixedDelay = 60_000)
    void evictIdle() {
        Instant idleSince = Instant.now().minus(properties.period());
        buckets.values().removeIf(entry -> entry.lastUsed.isBefore(idleSince));
    }
}
