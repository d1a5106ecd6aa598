package org.nelm.platform;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction: created on first use, handed to {@code beforeCommit}
 * (still inside the transaction, so its writes commit or roll back with it), dropped when the transaction ends.
 * Outside a transaction there is none.
 */
public final class TransactionBound {

    private TransactionBound() {
    }

    public static <T> Optional<T> value(Object key, Supplier<T> create) {
        return value(key, create, value -> { });
    }

    /** The value if the current transaction has created one; never creates it. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> existing(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? Optional.ofNullable((T) TransactionSynchronizationManager.getResource(key)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static <T> Optional<T> value(Object key, Supplier<T> create, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null) {
            T created = create.get();
            value = created;
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    beforeCommit.accept(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        return Optional.of(value);
    }
}
