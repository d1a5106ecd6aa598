package org.nelm.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine, parsing each expression text once. The stock engine parses every input entry, input and
 * output expression of a decision table on every evaluation; a parsed expression is an immutable syntax tree, so
 * one parse serves every thread. Evaluation itself (context, value mapping, custom functions, errors) is the stock
 * engine's.
 *
 * <p>What it saves: bench/workflow.sh on 2026-12-02, intake vs stock Camunda's start + DMN 1.10× / 1.25× with it,
 * 1.94× without (intake JVM CPU +14 %, docs/performance.md). Switch it off with
 * {@code nelm.engine.feel-parse-cache=false} (the DMN engine then uses Camunda's own {@link ScalaFeelEngine});
 * {@code CachingFeelEngineTest} and {@code RoutingDecisionStockFeelTest} show both give the same results. Subclasses
 * engine internals: check it on every engine upgrade and on the move to Operaton.
 */
class CachingFeelEngine extends ScalaFeelEngine {

    /** Expression texts come from deployed decisions; the bound only guards against unexpected growth. */
    private static final int MAX_CACHED = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider variables = new ContextVariableWrapper(variableContext);
        return (T) valueOf(feelEngine.eval(parsed, contextOf(variables)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        VariableProvider input = new StaticVariableProvider(new Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        VariableProvider variables = new CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variableContext)));
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, contextOf(variables))));
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String expression,
                                           Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression parsed = cache.get(expression);
        if (parsed == null) {
            // a failed parse is not cached: it throws here on every evaluation, as the stock engine does
            parsed = (ParsedExpression) valueOf(parser.apply(expression));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(expression, parsed);
        }
        return parsed;
    }

    private static Object valueOf(Either<Failure, ?> result) {
        if (result instanceof Left<Failure, ?> left) {
            throw LOGGER.evaluationException(left.value().message());
        }
        return result.toOption().get();
    }

    private static CustomContext contextOf(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }
}
