package org.nelm.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.nelm.platform.error.BodyTooLargeException;
import org.nelm.platform.error.DetailCode;
import org.nelm.platform.error.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a request before anything reads it, on every path but Camunda's (whose webapps and engine REST keep their
 * own rules and error format):
 * <ul>
 * <li>its URL and form fields: no control characters but tab, line feed and carriage return, as in every text field
 * ({@link InputText}; PostgreSQL refuses U+0000 in a bound parameter);</li>
 * <li>its size: at most {@code nelm.web.max-body-size} (1 MB), by its Content-Length at once and, for a body sent
 * without one, while it is read; multipart bodies (the CSV upload) have Spring's multipart limits instead;</li>
 * <li>its Content-Type: one concrete media type ({@code *}{@code /*} and {@code application/*} describe no body,
 * and Spring's request headers refuse to hold them).</li>
 * </ul>
 * Each answers with the contract's error body; runs right after {@link org.nelm.platform.error.TrackingIds}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestGuard extends OncePerRequestFilter {

    private final ErrorResponses responses;
    private final long maxBodySize;

    RequestGuard(ErrorResponses responses, @Value("${nelm.web.max-body-size:1MB}") DataSize maxBodySize) {
        this.responses = responses;
        this.maxBodySize = maxBodySize.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader("Content-Type");
        if (hasControlEscape(request.getRequestURI()) || hasControlEscape(request.getQueryString())) {
            responses.write(DetailCode.BAD_REQUEST, List.of("The URL must not contain control characters"), request,
                    response);
            return;
        }
        if (contentType != null && !concrete(contentType)) {
            responses.write(DetailCode.UNSUPPORTED_MEDIA_TYPE, List.of("Content-Type " + InputText.quoted(contentType)
                    + " is not one concrete media type; send e.g. application/json"), request, response);
            return;
        }
        if (contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, 10)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodySize) {
            responses.write(DetailCode.LIMIT_VIOLATION, List.of(BodyTooLargeException.text(maxBodySize)),
                    request, response);
            return;
        }
        if (contentType != null && contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33)
                && formHasControlCharacters(request)) {
            responses.write(DetailCode.BAD_REQUEST, List.of("Form fields must be text without control characters"),
                    request, response);
            return;
        }
        chain.doFilter(new LimitedBody(request, maxBodySize), response);
    }

    /** A percent escape of a control character other than tab, line feed and carriage return. */
    static boolean hasControlEscape(String raw) {
        if (raw == null) {
            return false;
        }
        for (int at = raw.indexOf('%'); at >= 0 && at + 2 < raw.length(); at = raw.indexOf('%', at + 1)) {
            char high = raw.charAt(at + 1);
            char low = Character.toUpperCase(raw.charAt(at + 2));
            boolean control = high == '0' && "012345678BCEF".indexOf(low) >= 0
                    || high == '1' && Character.digit(low, 16) >= 0 || high == '7' && low == 'F';
            if (control) {
                return true;
            }
        }
        return false;
    }

    private static boolean formHasControlCharacters(HttpServletRequest request) {
        for (String[] values : request.getParameterMap().values()) {
            for (String value : values) {
                if (InputText.problem("", value, Integer.MAX_VALUE) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean concrete(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The request with a body stream that fails once more than the limit has been read. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
