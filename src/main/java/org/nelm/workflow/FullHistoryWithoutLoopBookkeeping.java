package org.nelm.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * History level "full", except for the variables the engine keeps to run a multi-instance activity
 * ({@code nrOfInstances}, {@code loopCounter}, ...). They change on every approval level and tell nothing the
 * activity instances and our approval items don't, yet each cost a history row and one detail row per change:
 * a third of the history writes of an intake and of a decision. Everything else (activities, tasks, every other
 * variable and its changes, decisions with inputs and outputs) stays in history as with "full".
 *
 * <p>It keeps full's id and name, so a database set up with "full" starts unchanged and
 * {@code camunda.bpm.history-level: full} selects it: the engine takes the last level registered under a name.
 */
@Component
class FullHistoryWithoutLoopBookkeeping extends AbstractProcessEnginePlugin {

    static final Set<String> LOOP_BOOKKEEPING = Set.of("nrOfInstances", "nrOfActiveInstances",
            "nrOfCompletedInstances", "loopCounter");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(new Level());
        configuration.setCustomHistoryLevels(custom);
    }

    static final class Level extends HistoryLevelFull {
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            if (entity instanceof VariableInstance variable && LOOP_BOOKKEEPING.contains(variable.getName())) {
                return false;
            }
            return super.isHistoryEventProduced(eventType, entity);
        }
    }
}
