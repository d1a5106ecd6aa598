package org.nelm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.nelm.platform.error.ErrorResponses;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 with the contract's body {@code {"error": "..."}}: no token, a bad signature or an expired token. */
class ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ErrorResponses responses;

    ApiAuthenticationEntryPoint(ErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        responses.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, Map.of("error", text(e)));
    }

    static String text(AuthenticationException e) {
        if (!(e instanceof InvalidBearerTokenException)) {
            return "JWT validation failed: no bearer token in the Authorization header";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("expired")) {
            return "JWT validation failed: JWT is expired";
        }
        if (message.contains("signature") || message.contains("Signed JWT rejected")) {
            return "JWT validation failed: JWT signature is invalid";
        }
        return "JWT validation failed: JWT is malformed or not trusted";
    }
}
