package org.nelm.platform.event;

import java.time.Instant;

/**
 * A past-tense fact about our data, published with Spring's {@code ApplicationEventPublisher} inside the
 * transaction that made the change. Listeners that must not lose it ({@code @ApplicationModuleListener}) get it
 * after commit, from Spring Modulith's durable publication registry, at least once.
 *
 * <p>Mail, webhooks and the audit trail all read the same payload, so an event carries only what a JSON consumer
 * can read: strings, numbers, booleans, {@link Instant}s (ISO-8601), and lists and maps of these. Never an entity,
 * never a Java enum's class name.
 */
public interface DomainEvent {

    /** Reverse-DNS type, as CloudEvents' {@code type}, e.g. {@code org.nelm.record.created}. */
    String type();

    /** Id of the record, request or job the event is about (CloudEvents' {@code subject}). */
    String subject();

    /** Identity id of who made the change, or {@code system} for the process itself. */
    String actor();

    Instant occurredAt();
}
