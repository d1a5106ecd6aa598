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
 * Per access token request budget (Bucket4j token buckets), answered like SailPoint:
 * 429 {@code {"message": " Rate Limit Exceeded "}} with {@code Retry-After} in seconds.
 * Buckets are per node: with N nodes behind a balancer a token gets at most N times the budget, which keeps
 * the limiter free of a shared round trip per request; documented in docs/architecture.md.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private record Entry(Bucket bucket, Instant expiresAt) {
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
        String key = jwt.getId() != null ? jwt.getId() : jwt.getTokenValue();
        Instant expiresAt = jwt.getExpiresAt() != null ? jwt.getExpiresAt() : Instant.now().plusSeconds(3600);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Entry(newBucket(), expiresAt)).bucket();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(waitSeconds));
        responses.writeJson(response, 429, Map.of("message", " Rate Limit Exceeded "));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.requests())
                        .refillIntervally(properties.requests(), properties.period())
                        .build())
                .build();
    }

    /** Forget buckets of expired tokens so memory stays bounded by the live tokens. */
    @Scheduled(fixedDelay = 60_000)
    void evictExpired() {
        Instant now = Instant.now();
        buckets.values().removeIf(entry -> entry.expiresAt().isBefore(now));
    }
}
