package org.nelm.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nelm.platform.MailTemplate;
import org.nelm.platform.identity.Identity;
import org.nelm.record.RecordEndDateApproaching;
import org.nelm.request.ApprovalLevelStarted;
import org.nelm.request.ApprovalReassigned;
import org.nelm.request.RequestApproved;
import org.nelm.request.RequestRejected;
import org.nelm.request.RequestSubmitted;
import org.nelm.source.ApproverType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Every mail of the service, each sent by the listener of the event that calls for it, after the publishing
 * transaction committed: the requester on receipt (with the approvers in order) and on the final decision, each
 * level's approver (the identity, or every member of the group) when its turn comes or the level is handed to
 * them, and a source's account managers
 * about its records that end soon. A failed send throws, so the event registry keeps the publication incomplete and
 * the redelivery sends it again (at least once; see docs/architecture.md, "Events").
 *
 * <p>The listener ids are fixed ({@code mail.*}): the registry stores them with every undelivered publication, so
 * renaming a method must not orphan them. No transaction: the SMTP conversation holds no database connection.
 */
@Component
class MailListener {

    private static final Logger log = LoggerFactory.getLogger(MailListener.class);
    /** How the events name a governance-group approver (the enum's name, as JSON carries it). */
    private static final String GROUP = ApproverType.GOVERNANCE_GROUP.name();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final MailTemplate RECORD_LINE = MailTemplate.of("- {{accountName}} ({{name}}), ends {{endDate}}");
    private static final MailTemplate RECORD_ROW = MailTemplate.of(
            "<tr><td>{{accountName}}</td><td>{{name}}</td><td>{{endDate}}</td></tr>");

    private final MailTemplates templates;
    private final MailOut out;
    private final People people;

    MailListener(MailTemplates templates, MailOut out, People people) {
        this.templates = templates;
        this.out = out;
        this.people = people;
    }

    @ApplicationModuleListener(id = "mail.request-received", propagation = Propagation.NOT_SUPPORTED)
    void requestReceived(RequestSubmitted event) {
        Map<String, String> values = request(event.subject(), event.firstName(), event.lastName(),
                event.accountName(), event.sourceName());
        values.put("approvers", event.approvers().isEmpty() ? "none (approved without review)"
                : event.approvers().stream().map(this::describe).collect(Collectors.joining(", ")));
        toRequester(event.requesterId(), "request-received", values);
    }

    @ApplicationModuleListener(id = "mail.review-needed", propagation = Propagation.NOT_SUPPORTED)
    void reviewNeeded(ApprovalLevelStarted event) {
        Map<String, String> values = request(event.subject(), event.firstName(), event.lastName(),
                event.accountName(), event.sourceName());
        values.put("level", String.valueOf(event.level()));
        values.put("onBehalf", event.onBehalfOf() == null ? ""
                : ", on behalf of " + name(event.onBehalfOf()) + ", who is out of office");
        approvers(event.approverType(), event.approverId()).forEach(to -> send("review-needed", to, values));
    }

    @ApplicationModuleListener(id = "mail.review-reassigned", propagation = Propagation.NOT_SUPPORTED)
    void reviewReassigned(ApprovalReassigned event) {
        Map<String, String> values = request(event.subject(), event.firstName(), event.lastName(),
                event.accountName(), event.sourceName());
        values.put("level", String.valueOf(event.level()));
        values.put("by", name(event.actor()));
        values.put("from", describe(Map.of("type", event.fromType(), "id", event.fromId())));
        values.put("comment", event.comment() == null ? "none" : event.comment());
        approvers(ApproverType.IDENTITY.name(), event.toId()).forEach(to -> send("review-reassigned", to, values));
    }

    @ApplicationModuleListener(id = "mail.request-approved", propagation = Propagation.NOT_SUPPORTED)
    void requestApproved(RequestApproved event) {
        decided(event.subject(), event.requesterId(), "approved", event.comment(), event.firstName(), event.lastName(),
                event.accountName(), event.sourceName());
    }

    @ApplicationModuleListener(id = "mail.request-rejected", propagation = Propagation.NOT_SUPPORTED)
    void requestRejected(RequestRejected event) {
        decided(event.subject(), event.requesterId(), "rejected", event.comment(), event.firstName(), event.lastName(),
                event.accountName(), event.sourceName());
    }

    /** One message per source to all its account managers that have an e-mail address. */
    @ApplicationModuleListener(id = "mail.end-date-reminder", propagation = Propagation.NOT_SUPPORTED)
    void endDateReminder(RecordEndDateApproaching event) {
        List<String> recipients = event.accountManagerIds().stream()
                .flatMap(id -> people.identity(id).stream())
                .filter(People::hasMail)
                .map(Identity::email)
                .distinct()
                .toList();
        if (recipients.isEmpty()) {
            log.warn("End-date reminder for source {}: no account manager has an e-mail address", event.subject());
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("source", event.sourceName());
        values.put("count", String.valueOf(event.records().size()));
        values.put("records", event.records().stream().map(due -> RECORD_LINE.render(record(due)))
                .collect(Collectors.joining("\n")));
        String rows = event.records().stream().map(due -> RECORD_ROW.render(record(due), MailTemplates::escape))
                .collect(Collectors.joining("\n"));
        out.send(recipients, templates.render("end-date-reminder", values, Map.of("records", rows)));
    }

    private static Map<String, String> record(RecordEndDateApproaching.Due due) {
        return Map.of("accountName", due.accountName(), "name", due.firstName() + " " + due.lastName(),
                "endDate", DAY.format(due.endDate()));
    }

    private void decided(String requestId, String requesterId, String decision, String comment, String firstName,
                         String lastName, String accountName, String sourceName) {
        Map<String, String> values = request(requestId, firstName, lastName, accountName, sourceName);
        values.put("decision", decision);
        values.put("comment", comment == null ? "-" : comment);
        toRequester(requesterId, "request-decided", values);
    }

    private static Map<String, String> request(String requestId, String firstName, String lastName, String accountName,
                                               String sourceName) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("requestId", requestId);
        values.put("firstName", firstName);
        values.put("lastName", lastName);
        values.put("accountName", accountName);
        values.put("sourceName", sourceName);
        return values;
    }

    private void toRequester(String requesterId, String template, Map<String, String> values) {
        people.identity(requesterId).filter(People::hasMail).ifPresent(to -> send(template, to, values));
    }

    private Stream<Identity> approvers(String type, String id) {
        List<Identity> approvers = GROUP.equals(type) ? people.groupMembers(id)
                : people.identity(id).stream().toList();
        return approvers.stream().filter(People::hasMail);
    }

    private String describe(Map<String, String> approver) {
        if (GROUP.equals(approver.get("type"))) {
            return "any member of " + approver.get("id");
        }
        return name(approver.get("id"));
    }

    /** The identity's display name, else its id. */
    private String name(String identityId) {
        return people.identity(identityId).map(Identity::displayName).orElse(identityId);
    }

    private void send(String template, Identity to, Map<String, String> values) {
        Map<String, String> withName = new LinkedHashMap<>(values);
        withName.put("recipientName", to.displayName());
        out.send(List.of(to.email()), templates.render(template, withName));
    }
}
