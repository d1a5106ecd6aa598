package org.nelm.request;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Camunda Tasklist's own door, as the browser app uses it: a session login, then the webapps' engine API
 * ({@code /camunda/api/engine/engine/default/...}) with the session cookie and Camunda's XSRF token header.
 */
final class TasklistSession {

    private final int port;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    private TasklistSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs the demo user in (password = name), as Tasklist's login page does. */
    static TasklistSession login(int port, String user) {
        TasklistSession session = new TasklistSession(port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null);
        HttpResponse<String> login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "application/x-www-form-urlencoded", "username=" + user + "&password=" + user);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login failed: " + login.statusCode() + " " + login.body());
        }
        // the session changes at login; this request hands out its XSRF token
        session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
        return session;
    }

    /** A call to the webapps' engine API, e.g. {@code task/{id}/submit-form}. */
    HttpResponse<String> engine(String method, String path, String jsonBody) {
        return send(method, "/camunda/api/engine/engine/default/" + path, jsonBody == null ? null : "application/json",
                jsonBody);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
