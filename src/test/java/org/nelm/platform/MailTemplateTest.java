package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class MailTemplateTest {

    @Test
    void placeholders_getTheirValues_unknownOnesStay_nullIsEmpty() {
        Map<String, String> values = new HashMap<>();
        values.put("name", "Jane");
        values.put("empty", null);
        MailTemplate template = MailTemplate.of("{{name}} and {{name}}, {{unknown}}, [{{empty}}] end");

        assertThat(template.render(values)).isEqualTo("Jane and Jane, {{unknown}}, [] end");
    }

    @Test
    void escaping_appliesToValuesOnly_notToTheTemplate() {
        MailTemplate template = MailTemplate.of("<p>{{who}}</p>");

        assertThat(template.render(Map.of("who", "A & <B>"), HtmlUtils::htmlEscape))
                .isEqualTo("<p>A &amp; &lt;B&gt;</p>");
    }

    @Test
    void textWithoutPlaceholders_orWithAnUnclosedOne_staysAsItIs() {
        assertThat(MailTemplate.of("plain").render(Map.of("x", "y"))).isEqualTo("plain");
        assertThat(MailTemplate.of("a {{x}} b {{open").render(Map.of("x", "1"))).isEqualTo("a 1 b {{open");
        assertThat(MailTemplate.of("").render(Map.of())).isEmpty();
    }

    @Test
    void shippedTemplates_load() {
        assertThat(MailTemplate.read("mail/review-needed.txt")).startsWith("Subject: ");
        assertThat(MailTemplate.load("mail/review-needed.html").render(Map.of("level", "2"))).contains("2");
    }
}
