package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.junit.jupiter.api.Test;

class IdCheckedEntityManagerTest {

    private final IdCheckedEntityManager entities = new IdCheckedEntityManager(null, null);

    @Test
    void aValidId_passesWithoutDescribingTheEntity() {
        assertThatCode(() -> entities.validateId(new Entity("0b8c5a8e-1f1e-11ef-9d8a-0242ac120002", true)))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingOrWildcardId_failsWithCamundasMessageNamingTheEntity() {
        for (String invalid : new String[] {null, "*"}) {
            assertThatThrownBy(() -> entities.validateId(new Entity(invalid, false)))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Entity[" + invalid + "]")
                    .hasMessageContaining("id");
        }
    }

    @Test
    void camundasOwnCheck_passesAndRefusesTheSameIds_withTheSameMessage() {
        DbEntityManager stock = new DbEntityManager(null, null);
        for (String id : new String[] {"0b8c5a8e-1f1e-11ef-9d8a-0242ac120002", "jane.doe", null, "*"}) {
            assertThat(outcome(() -> entities.validateId(new Entity(id, false))))
                    .as(id).isEqualTo(outcome(() -> new StockCheck(stock).validate(new Entity(id, false))));
        }
    }

    private static String outcome(Runnable check) {
        try {
            check.run();
            return "passed";
        } catch (ProcessEngineException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Calls the stock entity manager's protected check. */
    private record StockCheck(DbEntityManager manager) {
        void validate(DbEntity entity) {
            try {
                var method = DbEntityManager.class.getDeclaredMethod("validateId", DbEntity.class);
                method.setAccessible(true);
                method.invoke(manager, entity);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw (RuntimeException) e.getCause();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An entity that can tell whether it was described. */
    private static final class Entity implements DbEntity {
        private String id;
        private final boolean refuseToString;

        Entity(String id, boolean refuseToString) {
            this.id = id;
            this.refuseToString = refuseToString;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            if (refuseToString) {
                throw new AssertionError("the entity was described although its id is valid");
            }
            return "Entity[" + id + "]";
        }
    }
}
