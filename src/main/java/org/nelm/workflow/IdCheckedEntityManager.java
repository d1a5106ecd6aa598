package org.nelm.workflow;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;

/**
 * Camunda's entity manager, except that an inserted entity's id check builds its error message only when the id is
 * invalid. Camunda 7.24 builds it first for every insert, from the entity's {@code toString} (every field, dates
 * formatted), spent on strings nobody reads. An invalid id still fails with Camunda's own exception and message.
 *
 * <p>What it saves: bench/workflow.sh on 2026-12-02, intake vs stock Camunda's start + DMN 1.10× / 1.25× with it,
 * 1.59× without (intake JVM CPU +5 %, docs/performance.md). Switch it off with
 * {@code nelm.engine.lazy-id-check=false}; {@code IdCheckedEntityManagerTest} shows Camunda's own check passes and
 * refuses the same ids. Subclasses engine internals: check it on every engine upgrade and on the move to Operaton.
 */
class IdCheckedEntityManager extends DbEntityManager {

    /** What Camunda's check refuses: no id, or the authorization wildcard. */
    private static final String WILDCARD = "*";

    IdCheckedEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
        super(idGenerator, persistenceSession);
    }

    @Override
    protected void validateId(DbEntity entity) {
        String id = entity.getId();
        if (id == null || WILDCARD.equals(id)) {
            super.validateId(entity);
        }
    }
}
