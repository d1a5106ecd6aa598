package org.nelm.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes every engine command use {@link IdCheckedEntityManager} (what it saves is said there); custom session
 * factories replace the defaults. Off with {@code nelm.engine.lazy-id-check=false}.
 */
@Component
@ConditionalOnProperty(name = "nelm.engine.lazy-id-check", havingValue = "true", matchIfMissing = true)
class IdCheckedEntityManagerPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        factories.add(new Factory(configuration));
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's factory, but the id generator is read when a session opens (it does not exist yet at preInit). */
    private static final class Factory extends DbEntityManagerFactory {
        private final ProcessEngineConfigurationImpl configuration;

        Factory(ProcessEngineConfigurationImpl configuration) {
            super(null);
            this.configuration = configuration;
        }

        @Override
        public DbEntityManager openSession() {
            PersistenceSession persistence = Context.getCommandContext().getSession(PersistenceSession.class);
            return new IdCheckedEntityManager(configuration.getIdGenerator(), persistence);
        }
    }
}
