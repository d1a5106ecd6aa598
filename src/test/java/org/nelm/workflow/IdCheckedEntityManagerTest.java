package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
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
