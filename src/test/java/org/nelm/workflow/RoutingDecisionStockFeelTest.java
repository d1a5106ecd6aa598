package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The shipped routing decision (dmn/approval-routing.dmn) gives the same levels on Camunda's stock FEEL engine as on
 * {@link CachingFeelEngine}, evaluated again and again: what nelm.engine.feel-parse-cache=false switches to changes
 * no routing.
 */
class RoutingDecisionStockFeelTest {

    @Test
    void everySourceShape_routesAlikeOnTheStockAndTheCachingEngine() throws IOException {
        DmnEngine stock = engine(false);
        DmnEngine caching = engine(true);
        List<Map<String, Object>> shapes = List.of(
                inputs("IDENTITY", "approver1", null, null, null, null),
                inputs("IDENTITY", "approver1", "GOVERNANCE_GROUP", "nelm-approvers", null, null),
                inputs("IDENTITY", "approver1", "IDENTITY", "approver2", "GOVERNANCE_GROUP", "nelm-approvers"),
                inputs(null, null, null, null, null, null));
        for (int round = 0; round < 3; round++) {
            for (Map<String, Object> shape : shapes) {
                assertThat(evaluate(caching, shape)).as("%s, round %d", shape, round).isEqualTo(evaluate(stock, shape));
            }
        }
        assertThat(evaluate(caching, shapes.get(2))).hasSize(3);
    }

    private static DmnEngine engine(boolean caching) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(() -> caching ? new CachingFeelEngine(List.of()) : new ScalaFeelEngine(List.of()));
        return configuration.buildEngine();
    }

    private static List<Map<String, Object>> evaluate(DmnEngine engine, Map<String, Object> inputs) throws IOException {
        try (InputStream dmn = Files.newInputStream(Path.of("dmn/approval-routing.dmn"))) {
            DmnDecision decision = engine.parseDecision(ProcessVariables.DECISION_KEY, dmn);
            VariableMap variables = Variables.createVariables();
            inputs.forEach(variables::putValue);
            return engine.evaluateDecisionTable(decision, variables).getResultList();
        }
    }

    private static Map<String, Object> inputs(String type1, String id1, String type2, String id2, String type3,
                                              String id3) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("sourceId", "s1");
        inputs.put("sourceName", "Contractors");
        inputs.put("approver1Type", type1);
        inputs.put("approver1Id", id1);
        inputs.put("approver2Type", type2);
        inputs.put("approver2Id", id2);
        inputs.put("approver3Type", type3);
        inputs.put("approver3Id", id3);
        inputs.put("data", Map.of("region", "EU"));
        return inputs;
    }
}
