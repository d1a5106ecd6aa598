package org.nelm.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP client for integration tests: real requests to the running application, tokens from its own
 * {@code /oauth/token}, and every NELM response checked against the OpenAPI contract.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    /** Access tokens live 15 minutes; a cached one is taken again well before it expires. */
    private record CachedToken(String value, Instant renewAfter) {
    }

    private final int port;
    private final String token;

    private Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public static Api anonymous(int port) {
        return new Api(port, null);
    }

    /** A client acting as a demo identity (client id = name, secret = name-secret). */
    public static Api as(int port, String clientId) {
        return as(port, clientId, clientId + "-secret");
    }

    public static Api as(int port, String clientId, String secret) {
        CachedToken token = TOKENS.compute(port + "/" + clientId + "/" + secret,
                (key, cached) -> cached != null && Instant.now().isBefore(cached.renewAfter()) ? cached
                        : fetchToken(port, clientId, secret));
        return new Api(port, token.value());
    }

    public static Api withToken(int port, String token) {
        return new Api(port, token);
    }

    public String token() {
        return token;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null, null, null);
    }

    public ApiResponse get(String path, String accept) {
        return send("GET", path, null, null, accept);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, "application/json", body, null);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, "application/json", body, null);
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, "application/json-patch+json", body, null);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null, null);
    }

    /** Any method, content type and raw or JSON body; for the error-path tests. */
    public ApiResponse send(String method, String path, String contentType, Object body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", accept != null ? accept : "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        return execute(method, path, request.build());
    }

    public ApiResponse multipart(String path, String partName, String fileName, byte[] content) {
        String boundary = "nelm-boundary-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(all));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return execute("POST", path, request.build());
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ApiResponse execute(String method, String path, HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            ApiResponse result = new ApiResponse(response.statusCode(), response.headers(), response.body());
            ContractValidator.check(method, path, response.statusCode(), response.headers(), response.body())
                    .ifPresent(report -> {
                        throw new AssertionError("Response of " + method + " " + path + " breaks the contract:\n"
                                + report + "\nBody: " + response.body());
                    });
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] raw ? raw : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CachedToken fetchToken(int port, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + clientId + ": " + response.statusCode() + " " + response.body());
            }
            var body = JSON.readTree(response.body());
            long renewIn = body.get("expires_in").asLong() / 2;
            return new CachedToken(body.get("access_token").asText(), Instant.now().plusSeconds(renewIn));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
