package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class TransactionBoundTest {

    private static final Object KEY = TransactionBoundTest.class;
    private final List<List<String>> flushed = new ArrayList<>();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Test
    void oneValuePerTransaction_handedToBeforeCommit_thenDropped() {
        TransactionSynchronizationManager.initSynchronization();
        pending().orElseThrow().add("a");
        pending().orElseThrow().add("b");
        assertThat(TransactionSynchronizationManager.getSynchronizations()).hasSize(1);

        complete(true);
        assertThat(flushed).containsExactly(List.of("a", "b"));
        assertThat(TransactionSynchronizationManager.getResource(KEY)).isNull();
    }

    @Test
    void aRolledBackTransactionHandsNothingOver() {
        TransactionSynchronizationManager.initSynchronization();
        pending().orElseThrow().add("a");
        complete(false);
        assertThat(flushed).isEmpty();
        assertThat(TransactionSynchronizationManager.getResource(KEY)).isNull();
    }

    @Test
    void outsideATransactionThereIsNone() {
        assertThat(pending()).isEmpty();
    }

    private Optional<List<String>> pending() {
        return TransactionBound.value(KEY, ArrayList::new, flushed::add);
    }

    /** What Spring's transaction manager does at the end of a transaction. */
    private static void complete(boolean commit) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        if (commit) {
            synchronizations.forEach(synchronization -> synchronization.beforeCommit(false));
        }
        synchronizations.forEach(synchronization -> synchronization.afterCompletion(
                commit ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK));
    }
}
