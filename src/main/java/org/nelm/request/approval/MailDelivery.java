package org.nelm.request.approval;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: every mail as text and HTML from the configured sender. A failed mail is logged and tried
 * again later (up to {@code nelm.mail.max-attempts}); it never affects the decision that caused it. Each mail is
 * claimed for {@code nelm.mail.claim-for} before it is sent, so the deliverers of several nodes send it once;
 * the claim must outlast one send (the SMTP timeouts, {@code spring.mail.properties.mail.smtp.*timeout}).
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 50;

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;
    private final Duration claimFor;

    MailDelivery(MailOutbox outbox, JavaMailSender sender, @Value("${nelm.mail.from:nelm@example.com}") String from,
                 @Value("${nelm.mail.max-attempts:5}") int maxAttempts,
                 @Value("${nelm.mail.retry-backoff:PT30S}") Duration backoff,
                 @Value("${nelm.mail.claim-for:PT2M}") Duration claimFor) {
        this.outbox = outbox;
        this.sender = sender;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.claimFor = claimFor;
    }

    /** Sends up to {@value #BATCH} due mails, one claim at a time. */
    @Scheduled(fixedDelayString = "${nelm.mail.poll-interval:PT1S}")
    void sendDue() {
        for (int sent = 0; sent < BATCH; sent++) {
            Optional<MailOutbox.Mail> claimed = outbox.claimNext(claimFor);
            if (claimed.isEmpty()) {
                return;
            }
            MailOutbox.Mail mail = claimed.get();
            try {
                sender.send(message(mail));
                outbox.sent(mail.id());
            } catch (MailException | MessagingException e) {
                log.warn("Mail {} to {} failed (attempt {} of {}): {}", mail.id(), mail.recipient(),
                        mail.attempts() + 1, maxAttempts, e.getMessage());
                outbox.failed(mail, e.getMessage(), maxAttempts, backoff);
            }
        }
    }

    private MimeMessage message(MailOutbox.Mail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }
}
