package org.nelm.workflow;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineFactoryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes the engine's DMN evaluation use {@link CachingFeelEngine} (what it saves is said there); everything else of
 * the DMN engine stays default. Off with {@code nelm.engine.feel-parse-cache=false}.
 */
@Component
@ConditionalOnProperty(name = "nelm.engine.feel-parse-cache", havingValue = "true", matchIfMissing = true)
class FeelParseCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        // read when the DMN engine is built, after the process engine has handed over its function providers and
        // its dmnFeelEnableLegacyBehavior setting (which keeps Camunda's JUEL-based legacy FEEL, as documented)
        dmn.setFeelEngineFactory(() -> dmn.isEnableFeelLegacyBehavior()
                ? new FeelEngineFactoryImpl().createInstance()
                : new CachingFeelEngine(dmn.getFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
