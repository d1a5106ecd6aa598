package org.nelm.request.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.nelm.platform.MailTemplate;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.request.RequestRow;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The three mails of the workflow, rendered from the templates under {@code mail/} ({@code <name>.txt} whose
 * first line is the subject, and {@code <name>.html}) and queued in the outbox.
 */
@Component
class Notifications {

    private final MailOutbox outbox;
    private final IdentityDirectory directory;
    private static final Duration PEOPLE_TTL = Duration.ofSeconds(60);

    private final Map<String, Templates> templates = new ConcurrentHashMap<>();
    private final Map<String, CachedPeople> people = new ConcurrentHashMap<>();

    Notifications(MailOutbox outbox, IdentityDirectory directory) {
        this.outbox = outbox;
        this.directory = directory;
    }

    void requestReceived(RequestRow request, List<ApproverRef> approvers) {
        Map<String, String> values = values(request);
        values.put("approvers", approvers.isEmpty() ? "none (approved without review)"
                : String.join(", ", approvers.stream().map(this::describe).toList()));
        requester(request).ifPresent(to -> send("request-received", to, values));
    }

    void reviewNeeded(RequestRow request, ApproverRef approver, int level) {
        Map<String, String> values = values(request);
        values.put("level", String.valueOf(level));
        recipients(approver).forEach(to -> send("review-needed", to, values));
    }

    void decided(RequestRow request, ApprovalStatus status, String comment) {
        Map<String, String> values = values(request);
        values.put("decision", status.name().toLowerCase());
        values.put("comment", comment == null ? "-" : comment);
        requester(request).ifPresent(to -> send("request-decided", to, values));
    }

    private Map<String, String> values(RequestRow request) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestId", request.id());
        values.put("firstName", request.nonEmployee().firstName());
        values.put("lastName", request.nonEmployee().lastName());
        values.put("accountName", request.nonEmployee().accountName());
        values.put("sourceName", request.sourceName());
        return values;
    }

    private Optional<Identity> requester(RequestRow request) {
        return people("identity:" + request.requesterId(), () -> directory.identity(request.requesterId()).stream()
                .toList()).stream().filter(Notifications::hasMail).findFirst();
    }

    private Stream<Identity> recipients(ApproverRef approver) {
        List<Identity> people = approver.type() == ApproverType.IDENTITY
                ? people("identity:" + approver.id(), () -> directory.identity(approver.id()).stream().toList())
                : people("group:" + approver.id(), () -> directory.groupMembers(approver.id()));
        return people.stream().filter(Notifications::hasMail);
    }

    private String describe(ApproverRef approver) {
        if (approver.type() == ApproverType.GOVERNANCE_GROUP) {
            return "any member of " + approver.id();
        }
        return people("identity:" + approver.id(), () -> directory.identity(approver.id()).stream().toList())
                .stream().map(Identity::displayName).findFirst().orElse(approver.id());
    }

    /**
     * Identities and group members change rarely, and every intake and decision mails someone: they are kept for
     * {@link #PEOPLE_TTL}, so a changed e-mail address or membership reaches the mails within that time.
     */
    private List<Identity> people(String key, Supplier<List<Identity>> lookup) {
        Instant now = Instant.now();
        CachedPeople cached = people.get(key);
        if (cached == null || cached.expires().isBefore(now)) {
            cached = new CachedPeople(List.copyOf(lookup.get()), now.plus(PEOPLE_TTL));
            people.put(key, cached);
        }
        return cached.people();
    }

    private record CachedPeople(List<Identity> people, Instant expires) {
    }

    private void send(String template, Identity to, Map<String, String> values) {
        Templates mail = templates.computeIfAbsent(template, Templates::load);
        Map<String, String> withName = new LinkedHashMap<>(values);
        withName.put("recipientName", to.displayName());
        outbox.add(to.email(), mail.subject().render(withName).trim(), mail.text().render(withName),
                mail.html().render(withName, HtmlUtils::htmlEscape));
    }

    /** One mail's templates: {@code <name>.txt}, whose first line is the subject, and {@code <name>.html}. */
    private record Templates(MailTemplate subject, MailTemplate text, MailTemplate html) {
        static Templates load(String name) {
            String text = MailTemplate.read("mail/" + name + ".txt");
            int firstLineEnd = text.indexOf('\n');
            return new Templates(MailTemplate.of(text.substring(0, firstLineEnd).replaceFirst("^Subject:\\s*", "")),
                    MailTemplate.of(text.substring(firstLineEnd + 1).stripLeading()),
                    MailTemplate.load("mail/" + name + ".html"));
        }
    }

    private static boolean hasMail(Identity identity) {
        return identity.email() != null && !identity.email().isBlank();
    }
}
