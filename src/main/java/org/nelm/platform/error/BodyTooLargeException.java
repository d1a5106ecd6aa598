package org.nelm.platform.error;

import java.io.IOException;

/**
 * Thrown by the request body stream once a body passes the size limit; the error mapper answers it with a
 * {@code 400.1.4 Limit violation}, whichever reader (JSON, form) was reading.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The client's text for a body over {@code limit} bytes. */
    public static String text(long limit) {
        return "The request body is larger than " + limit + " bytes, the most this service accepts";
    }
}
