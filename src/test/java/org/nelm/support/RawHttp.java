package org.nelm.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTP to the application under test, with any headers (HTTP Basic, X-Forwarded-*), for the doors that are
 * not the NELM API: the token endpoint, the actuator, engine REST, the webapps.
 */
public final class RawHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private RawHttp() {
    }

    /** {@code headers} are name/value pairs. */
    public static HttpResponse<String> get(int port, String path, String... headers) {
        return send(request(port, path, headers).GET());
    }

    public static HttpResponse<String> post(int port, String path, String contentType, String body,
                                            String... headers) {
        HttpRequest.Builder request = request(port, path, headers)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** {@code POST /oauth/token} with a form body. */
    public static HttpResponse<String> token(int port, String form, String... headers) {
        return post(port, "/oauth/token", "application/x-www-form-urlencoded", form, headers);
    }

    public static String clientCredentials(String clientId, String secret) {
        return "grant_type=client_credentials&client_id=" + Api.encode(clientId) + "&client_secret="
                + Api.encode(secret);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
