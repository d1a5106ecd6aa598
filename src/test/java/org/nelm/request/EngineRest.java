package org.nelm.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Camunda's engine REST API as Tasklist users reach it: HTTP Basic with the user's own password. */
final class EngineRest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String user;

    private EngineRest(int port, String user) {
        this.port = port;
        this.user = user;
    }

    /** Demo identities have their name as password. */
    static EngineRest as(int port, String user) {
        return new EngineRest(port, user);
    }

    /** The open task of the request's process that this user can see, or null. */
    JsonNode taskOf(String requestId) {
        JsonNode tasks = json(send("GET", "/engine-rest/task?processInstanceBusinessKey=" + requestId, null));
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    int claim(String taskId) {
        return send("POST", "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").statusCode();
    }

    /** What Tasklist's form does on submit: complete with the variables decision and comment. */
    HttpResponse<String> complete(String taskId, String decision, String comment) {
        String body = "{\"variables\":{\"decision\":{\"value\":\"" + decision + "\",\"type\":\"String\"},"
                + "\"comment\":{\"value\":" + (comment == null ? "null" : "\"" + comment + "\"") + ",\"type\":\"String\"}}}";
        return send("POST", "/engine-rest/task/" + taskId + "/complete", body);
    }

    JsonNode get(String path) {
        return json(send("GET", path, null));
    }

    /** Any engine REST call as this user, with a JSON body (or none). */
    HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
