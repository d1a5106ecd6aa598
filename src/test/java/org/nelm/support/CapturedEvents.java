package org.nelm.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.nelm.platform.event.DomainEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The domain events a running application publishes, as a listener after commit sees them: a test listener added to
 * the shared context for one test (no context of its own), which keeps an event once its transaction committed and
 * drops it when it rolls back, from every thread (HTTP, job executor).
 */
public final class CapturedEvents implements ApplicationListener<ApplicationEvent>, AutoCloseable {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ConfigurableApplicationContext context;
    private final List<DomainEvent> events = new CopyOnWriteArrayList<>();

    private CapturedEvents(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static CapturedEvents start(ConfigurableApplicationContext context) {
        CapturedEvents captured = new CapturedEvents(context);
        context.addApplicationListener(captured);
        return captured;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(event instanceof PayloadApplicationEvent<?> payload) || !(payload.getPayload() instanceof DomainEvent domain)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.add(domain);
                }
            });
        } else {
            events.add(domain);
        }
    }

    public List<DomainEvent> all() {
        return List.copyOf(events);
    }

    /** The committed events of this type about the subject, in order. */
    public <T extends DomainEvent> List<T> of(Class<T> type, String subject) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(e -> e.subject().equals(subject)).toList();
    }

    /** Waits (bounded) for the first committed event of this type about the subject and returns it. */
    public <T extends DomainEvent> T await(Class<T> type, String subject) {
        return await(type, e -> e.subject().equals(subject));
    }

    public <T extends DomainEvent> T await(Class<T> type, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(BOUND);
        while (true) {
            List<T> found = events.stream().filter(type::isInstance).map(type::cast).filter(condition).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + BOUND + "; got " + events);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        context.removeApplicationListener(this);
    }
}
