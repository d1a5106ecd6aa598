package org.nelm.platform.error;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trackingId (32 lower-case hex characters, as in the contract's examples) before any
 * other filter runs, so an error body and the log line of the same failure carry the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TrackingIds extends OncePerRequestFilter {

    static final String ATTRIBUTE = TrackingIds.class.getName();
    public static final String MDC_KEY = "trackingId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String trackingId = UUID.randomUUID().toString().replace("-", "");
        request.setAttribute(ATTRIBUTE, trackingId);
        MDC.put(MDC_KEY, trackingId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = UUID.randomUUID().toString().replace("-", "");
            request.setAttribute(ATTRIBUTE, id);
        }
        return id.toString();
    }
}
