package org.nelm.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed client authentications at {@code /oauth/token}, counted per client id and per source address: a budget
 * of {@code max-failures} that comes back whole after {@code failure-window}. With either budget used up, the
 * endpoint answers 429 before it looks at the secret. A correct secret restores the client id's budget, not the
 * address's. Per node, like the API rate limit: see docs/security.md for why a shared count would not pay.
 */
@Component
class TokenEndpointThrottle {

    // bounds memory when an attacker sends endless new client ids or addresses; beyond it only known keys count
    private static final int MAX_TRACKED = 100_000;

    private final SecurityProperties.TokenEndpoint properties;
    private final Map<String, Bucket> byClient = new ConcurrentHashMap<>();
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();

    TokenEndpointThrottle(SecurityProperties properties) {
        this.properties = properties.tokenEndpoint();
    }

    /** Seconds to wait before this client id may try from this address again; 0 = it may try now. */
    long secondsToWait(String clientId, String address) {
        return Math.max(secondsToWait(byClient.get(clientId)), secondsToWait(byAddress.get(address)));
    }

    void failed(String clientId, String address) {
        consume(byClient, clientId);
        consume(byAddress, address);
    }

    void succeeded(String clientId) {
        byClient.remove(clientId);
    }

    private void consume(Map<String, Bucket> buckets, String key) {
        if (buckets.size() >= MAX_TRACKED && !buckets.containsKey(key)) {
            evictRefilled();
            if (buckets.size() >= MAX_TRACKED) {
                return;
            }
        }
        buckets.computeIfAbsent(key, k -> newBucket()).tryConsume(1);
    }

    private static long secondsToWait(Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(properties.maxFailures())
                        .refillIntervally(properties.maxFailures(), properties.failureWindow())
                        .build())
                .build();
    }

    /** A bucket back at its full budget says nothing any more. */
    @Scheduled(fixedDelay = 60_000)
    void evictRefilled() {
        byClient.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.maxFailures());
        byAddress.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.maxFailures());
    }
}
