package org.nelm.platform.error;

/**
 * The service is busy with work of the same kind and the client should repeat the request shortly: answered like
 * the contract's rate limit, 429 with {@code {"message": ...}} and {@code Retry-After} in seconds.
 */
public class TryLaterException extends RuntimeException {

    private final int retryAfterSeconds;

    public TryLaterException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
