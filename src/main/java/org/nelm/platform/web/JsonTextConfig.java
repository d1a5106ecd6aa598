package org.nelm.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every string of every JSON body obeys {@link InputText}'s characters (no control characters but tab and line
 * breaks, no unpaired surrogate) before any controller sees it: PostgreSQL refuses U+0000 in a bound parameter, and
 * an unpaired surrogate cannot be written back as UTF-8, so such text would fail wherever it went, on any operation.
 * Lengths stay with each field's own rules.
 */
@Configuration(proxyBeanMethods = false)
class JsonTextConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer checkedJsonText() {
        return builder -> builder.modulesToInstall(new SimpleModule("nelm-json-text")
                .addDeserializer(String.class, new CheckedText()));
    }

    private static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && InputText.problem("", value, Integer.MAX_VALUE) != null) {
                throw InvalidFormatException.from(parser, "text with control characters", value, String.class);
            }
            return value;
        }
    }
}
