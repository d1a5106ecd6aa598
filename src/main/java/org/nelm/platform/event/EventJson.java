package org.nelm.platform.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * How the event registry stores an event: plain JSON of the event record (instants as ISO-8601), with a mapper of
 * its own instead of the API's, whose rules for client input (refused control characters, no nulls) must not
 * decide whether a stored event can be read back for a redelivery.
 */
@Configuration(proxyBeanMethods = false)
class EventJson {

    /** Primary over the one Modulith's Jackson module registers with the application's mapper. */
    @Bean
    @Primary
    EventSerializer eventJsonSerializer() {
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new EventSerializer() {
            @Override
            public Object serialize(Object event) {
                try {
                    return mapper.writeValueAsString(event);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Event " + event.getClass().getName() + " is not JSON", e);
                }
            }

            @Override
            public <T> T deserialize(Object serialized, Class<T> type) {
                try {
                    return mapper.readValue(serialized.toString(), type);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Stored event is not a " + type.getName(), e);
                }
            }
        };
    }
}
