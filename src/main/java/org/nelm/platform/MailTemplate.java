package org.nelm.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.core.io.ClassPathResource;

/**
 * A mail template with {@code {{name}}} placeholders, split into text and placeholders once, when loaded: every
 * intake and decision renders mails, and replacing each value in the whole text per mail showed in profiles.
 */
public final class MailTemplate {

    private static final String OPEN = "{{";
    private static final String CLOSE = "}}";

    /** Text before each placeholder, and after the last one: one more than {@link #names}. */
    private final List<String> texts;
    private final List<String> names;

    private MailTemplate(List<String> texts, List<String> names) {
        this.texts = texts;
        this.names = names;
    }

    public static MailTemplate load(String classpathResource) {
        return of(read(classpathResource));
    }

    /** A template's text as it is, e.g. to split it before parsing. */
    public static String read(String classpathResource) {
        try (InputStream in = new ClassPathResource(classpathResource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail template " + classpathResource + " is missing", e);
        }
    }

    public static MailTemplate of(String template) {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int from = 0;
        for (int open = template.indexOf(OPEN); open >= 0; open = template.indexOf(OPEN, from)) {
            int close = template.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                break;
            }
            texts.add(template.substring(from, open));
            names.add(template.substring(open + OPEN.length(), close));
            from = close + CLOSE.length();
        }
        texts.add(template.substring(from));
        return new MailTemplate(List.copyOf(texts), List.copyOf(names));
    }

    /** The values inserted as they are; a placeholder without a value stays in the text. */
    public String render(Map<String, String> values) {
        return render(values, UnaryOperator.identity());
    }

    /** Each value passed through {@code escape} (e.g. HTML escaping) first; a null value is empty. */
    public String render(Map<String, String> values, UnaryOperator<String> escape) {
        StringBuilder text = new StringBuilder(texts.get(0));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (values.containsKey(name)) {
                String value = values.get(name);
                text.append(escape.apply(value == null ? "" : value));
            } else {
                text.append(OPEN).append(name).append(CLOSE);
            }
            text.append(texts.get(i + 1));
        }
        return text.toString();
    }
}
