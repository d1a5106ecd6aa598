package org.nelm.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.nelm.support.Api;
import org.nelm.support.ApiResponse;
import org.nelm.support.TestMail;

/** Small builders for the request and approval integration tests: sources through the API, request bodies. */
final class RequestFixtures {

    private final int port;

    RequestFixtures(int port) {
        this.port = port;
    }

    /** A source owned by requester1, managed by manager1, with the given approvers ("group:" = governance group). */
    String source(String... approvers) {
        List<Map<String, String>> levels = new ArrayList<>();
        for (String approver : approvers) {
            levels.add(approver.startsWith("group:")
                    ? Map.of("type", "GOVERNANCE_GROUP", "id", approver.substring("group:".length()))
                    : Map.of("id", approver));
        }
        ApiResponse created = Api.as(port, "admin").post("/v3/non-employee-sources", Map.of(
                "name", "Workflow " + UUID.randomUUID(),
                "description", "workflow test source",
                "owner", Map.of("id", "requester1"),
                "approvers", levels,
                "accountManagers", List.of(Map.of("id", "manager1"))));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.json().get("id").asText();
    }

    static Map<String, Object> body(String sourceId, String accountName) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountName", accountName);
        body.put("firstName", "William");
        body.put("lastName", "Smith");
        body.put("email", "william.smith@example.com");
        body.put("phone", "5125555555");
        body.put("manager", "jane.doe");
        body.put("sourceId", sourceId);
        body.put("startDate", "2030-03-24T00:00:00-05:00");
        body.put("endDate", "2031-03-25T00:00:00-05:00");
        return body;
    }

    /** A new request by requester1 (the source's owner); fails the test unless it is accepted. */
    JsonNode request(String sourceId) {
        ApiResponse response = Api.as(port, "requester1").post("/v3/non-employee-requests",
                body(sourceId, unique("acct")));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    JsonNode request(String requestId, String as) {
        ApiResponse response = Api.as(port, as).get("/v3/non-employee-requests/" + requestId);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Polls the request until it matches (the record step runs as an async job). */
    JsonNode awaitRequest(String requestId, Predicate<JsonNode> condition) {
        return await(() -> request(requestId, "admin"), condition);
    }

    /** Mails to the address whose subject contains the text, waiting for the outbox to deliver them. */
    static List<MimeMessage> awaitMails(String address, String subjectPart, int atLeast) {
        return await(() -> TestMail.to(address).stream().filter(m -> subject(m).contains(subjectPart)).toList(),
                mails -> mails.size() >= atLeast);
    }

    /** Every text part of the message, decoded. */
    static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws jakarta.mail.MessagingException, java.io.IOException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(Supplier<T> supplier, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T value = supplier.get();
        while (!condition.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            value = supplier.get();
        }
        return value;
    }

    static String unique(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
