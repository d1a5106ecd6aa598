package org.nelm.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The one way a mail leaves: text and HTML, from {@code nelm.mail.from}, through Spring's JavaMailSender. A failure
 * is thrown ({@code MailException}), so the event whose listener sent it stays undelivered and comes again.
 */
@Component
class MailOut {

    private final JavaMailSender sender;
    private final String from;

    MailOut(JavaMailSender sender, @Value("${nelm.mail.from:nelm@example.com}") String from) {
        this.sender = sender;
        this.from = from;
    }

    void send(List<String> to, MailTemplates.Rendered mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }
}
