package org.nelm.platform.event;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * One pass of the event redelivery: hands every publication still incomplete after {@code nelm.events.redeliver-after}
 * (its listener failed, or its node died before delivering it) to its listener again, on this node's task
 * executor, and deletes completed publications older than {@code nelm.events.keep-completed}. Run on one node at a
 * time (the workflow module's timer, bpmn/event-redelivery.bpmn).
 *
 * <p>{@code redeliver-after} must be longer than one delivery can take (the SMTP timeouts, and the wait in the
 * executor's queue), so that a publication a live node is still delivering is not handed out a second time.
 */
@Component
public class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final Duration redeliverAfter;
    private final Duration keepCompleted;

    EventRedelivery(IncompleteEventPublications incomplete, CompletedEventPublications completed,
                    @Value("${nelm.events.redeliver-after:PT2M}") Duration redeliverAfter,
                    @Value("${nelm.events.keep-completed:P7D}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.redeliverAfter = redeliverAfter;
        this.keepCompleted = keepCompleted;
    }

    /** Resubmits the overdue publications and deletes the old completed ones. */
    public void redeliver() {
        log.debug("Redelivering event publications incomplete for more than {}", redeliverAfter);
        incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
        completed.deletePublicationsOlderThan(keepCompleted);
    }
}
