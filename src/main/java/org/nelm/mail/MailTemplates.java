package org.nelm.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nelm.platform.MailTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mails' templates under {@code mail/}: {@code <name>.txt}, whose first line ({@code Subject: ...}) is the
 * subject, and {@code <name>.html}; {@code {{name}}} placeholders. Each is parsed once. In the HTML part every value
 * is HTML-escaped; only fragments this module built from escaped values (a reminder's table rows) go in as they are.
 */
@Component
class MailTemplates {

    /** A rendered mail. */
    record Rendered(String subject, String text, String html) {
    }

    private final Map<String, Templates> templates = new ConcurrentHashMap<>();

    Rendered render(String name, Map<String, String> values) {
        return render(name, values, Map.of());
    }

    /** {@code htmlFragments}: values of the HTML part that are HTML already (built with {@link #escape}). */
    Rendered render(String name, Map<String, String> values, Map<String, String> htmlFragments) {
        Templates mail = templates.computeIfAbsent(name, Templates::load);
        Map<String, String> html = new LinkedHashMap<>();
        values.forEach((key, value) -> html.put(key, escape(value)));
        html.putAll(htmlFragments);
        return new Rendered(mail.subject().render(values).trim(), mail.text().render(values), mail.html().render(html));
    }

    static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }

    /** One mail's templates. */
    private record Templates(MailTemplate subject, MailTemplate text, MailTemplate html) {
        static Templates load(String name) {
            String text = MailTemplate.read("mail/" + name + ".txt");
            int firstLineEnd = text.indexOf('\n');
            return new Templates(MailTemplate.of(text.substring(0, firstLineEnd).replaceFirst("^Subject:\\s*", "")),
                    MailTemplate.of(text.substring(firstLineEnd + 1).stripLeading()),
                    MailTemplate.load("mail/" + name + ".html"));
        }
    }
}
