package org.nelm.record;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nelm.platform.MailTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The end-date reminder e-mail, text and HTML, from the templates in {@code mail/}; placeholders are
 * {@code {{source}}}, {@code {{count}}} and {@code {{records}}} (one line, or table row, per record).
 */
@Component
class ReminderMail {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final JavaMailSender sender;
    private final String from;
    private final MailTemplate textTemplate;
    private final MailTemplate htmlTemplate;

    ReminderMail(JavaMailSender sender, @Value("${nelm.mail.from:nelm@example.com}") String from) {
        this.sender = sender;
        this.from = from;
        this.textTemplate = MailTemplate.load("mail/end-date-reminder.txt");
        this.htmlTemplate = MailTemplate.load("mail/end-date-reminder.html");
    }

    /** One message to all the account managers of one source. */
    record Message(String sourceName, List<String> recipients, List<EndDateReminders.Due> records) {
    }

    void send(Message message) {
        String text = fill(textTemplate, message.sourceName(), message.records().size(), message.records().stream()
                .map(due -> "- " + due.accountName() + " (" + due.firstName() + " " + due.lastName() + "), ends "
                        + DAY.format(due.endDate()))
                .collect(Collectors.joining("\n")));
        String html = fill(htmlTemplate, HtmlUtils.htmlEscape(message.sourceName()), message.records().size(),
                message.records().stream()
                        .map(due -> "<tr><td>" + HtmlUtils.htmlEscape(due.accountName()) + "</td><td>"
                                + HtmlUtils.htmlEscape(due.firstName() + " " + due.lastName()) + "</td><td>"
                                + DAY.format(due.endDate()) + "</td></tr>")
                        .collect(Collectors.joining("\n")));
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.recipients().toArray(String[]::new));
            helper.setSubject("Non-employees of " + message.sourceName() + " ending soon: " + message.records().size());
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(mime);
    }

    /** The HTML template gets its values escaped by the caller: its {@code records} are table rows. */
    private static String fill(MailTemplate template, String source, int count, String records) {
        return template.render(Map.of("source", source, "count", String.valueOf(count), "records", records));
    }
}
