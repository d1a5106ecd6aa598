package org.nelm.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token} with {@code grant_type=client_credentials}. Client credentials come as form fields or
 * HTTP Basic; in the query string they are refused, because URLs end up in proxy and access logs. Failed
 * authentications are throttled per client id and per source address ({@link TokenEndpointThrottle}). Errors
 * follow RFC 6749 section 5.2.
 */
@RestController
class TokenController {

    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("client_id", "client_secret");

    private final TokenIssuer issuer;
    private final TokenEndpointThrottle throttle;

    TokenController(TokenIssuer issuer, TokenEndpointThrottle throttle) {
        this.issuer = issuer;
        this.throttle = throttle;
    }

    @PostMapping(path = "/oauth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(
            HttpServletRequest request,
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (credentialsInQuery(request.getQueryString())) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request",
                    "client_id and client_secret belong in the form body or in HTTP Basic, not in the URL");
        }
        if (grantType == null) {
            return oauthError(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            return oauthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "Only the client_credentials grant is supported");
        }
        String[] basic = basicCredentials(authorization);
        if (basic != null) {
            clientId = basic[0];
            clientSecret = basic[1];
        }
        if (clientId == null || clientSecret == null) {
            return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Bad client credentials");
        }
        String address = request.getRemoteAddr();
        long wait = throttle.secondsToWait(clientId, address);
        if (wait > 0) {
            return oauthError(HttpStatus.TOO_MANY_REQUESTS, "temporarily_unavailable",
                    "Too many failed client authentications; retry after " + wait + " seconds",
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(wait)));
        }
        String client = clientId;
        return issuer.issue(clientId, clientSecret)
                .map(token -> {
                    throttle.succeeded(client);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("access_token", token.value());
                    body.put("token_type", "bearer");
                    body.put("expires_in", token.expiresIn());
                    body.put("scope", String.join(" ", token.scopes()));
                    if (token.identityId() != null) {
                        body.put("identity_id", token.identityId());
                    }
                    body.put("jti", token.jti());
                    return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
                })
                .orElseGet(() -> {
                    throttle.failed(client, address);
                    return oauthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Bad client credentials");
                });
    }

    private static boolean credentialsInQuery(String query) {
        return query != null && Arrays.stream(query.split("&"))
                .map(pair -> parameterName(pair.split("=", 2)[0]))
                .anyMatch(CREDENTIAL_PARAMETERS::contains);
    }

    private static String parameterName(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> oauthError(HttpStatus status, String error, String description) {
        return oauthError(status, error, description, Map.of());
    }

    private static ResponseEntity<Map<String, Object>> oauthError(HttpStatus status, String error, String description,
                                                                  Map<String, String> headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.forEach(response::header);
        return response.body(body);
    }
}
