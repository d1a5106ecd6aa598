package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The caching engine answers exactly as Camunda's stock FEEL engine, on first use and from its cache. */
class CachingFeelEngineTest {

    private final ScalaFeelEngine stock = new ScalaFeelEngine(List.of());
    private final CachingFeelEngine caching = new CachingFeelEngine(List.of());

    private static final VariableContext VARIABLES = Variables.createVariables()
            .putValue("sourceName", "Contractors").putValue("approver1Id", "jane.doe").putValue("approver2Id", null)
            .putValue("level", 2).putValue("data", Map.of("region", "EU", "costCenter", "42")).asVariableContext();

    @Test
    void expressionsEvaluateAsTheStockEngineDoesEveryTime() {
        for (String expression : List.of("sourceName", "approver1Id", "approver2Id", "level + 1", "\"source approver 1\"",
                "data.region", "if level > 1 then \"many\" else \"one\"", "upper case(sourceName)")) {
            Object expected = stock.evaluateSimpleExpression(expression, VARIABLES);
            for (int i = 0; i < 3; i++) {
                assertThat((Object) caching.evaluateSimpleExpression(expression, VARIABLES)).as(expression)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void unaryTestsMatchAsTheStockEngineDoesForEachInput() {
        for (String test : List.of("not(null)", "-", "\"Contractors\"", "\"a\",\"b\"", "> 1", "[1..3]", "null")) {
            for (Object input : new Object[] {"Contractors", "a", null, 2, 5}) {
                VariableContext withInput = Variables.createVariables().putValue("input", input).asVariableContext();
                boolean expected = stock.evaluateSimpleUnaryTests(test, "input", withInput);
                assertThat(caching.evaluateSimpleUnaryTests(test, "input", withInput)).as(test + " on " + input)
                        .isEqualTo(expected);
                assertThat(caching.evaluateSimpleUnaryTests(test, "input", withInput)).as(test + " on " + input + ", cached")
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aBadExpressionFailsWithTheStockMessageEveryTime() {
        String message = messageOf(() -> stock.evaluateSimpleExpression("level +", VARIABLES));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> caching.evaluateSimpleExpression("level +", VARIABLES))
                    .isInstanceOf(FeelException.class).hasMessage(message);
        }
        assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests("> >", "input", VARIABLES))
                .isInstanceOf(FeelException.class).hasMessageContaining("failed to parse");
    }

    @Test
    void thePluginInstallsTheCachingEngineUnlessLegacyFeelIsSwitchedOn() {
        for (boolean legacy : new boolean[] {false, true}) {
            ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
            new FeelParseCachePlugin().preInit(configuration);
            DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
            dmn.enableFeelLegacyBehavior(legacy).buildEngine();
            if (legacy) {
                assertThat(dmn.getFeelEngine()).isNotInstanceOf(ScalaFeelEngine.class);
            } else {
                assertThat(dmn.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);
            }
        }
    }

    private static String messageOf(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (FeelException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a FeelException");
    }
}
