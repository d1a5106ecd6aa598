package org.nelm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.nelm.NelmApplication;
import org.nelm.request.approval.ApprovalService;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.request.NonEmployeeRequest;
import org.nelm.request.RequestService;
import org.nelm.security.Caller;
import org.nelm.security.Scopes;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.nelm.support.TestCallers;
import org.nelm.support.TestDatabase;
import org.nelm.support.TestEnvironment;
import org.nelm.support.TestMail;
import org.nelm.workflow.ProcessTestSources;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Intake (create request: validate, store, start the process, route with DMN, store items, first task) and
 * decisions (approve level 1 of 2: item update, task completion, next task) with 16 concurrent clients on
 * PostgreSQL, each next to a bare engine doing the same start / complete of a one-task process (and a start
 * with a 3-rule DMN step first) in the same run: once on our engine without our application code, once on a
 * stock Camunda engine without our engine plugins either. Run with bench/workflow.sh; prints a table.
 */
public final class WorkflowBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 800);
    private static final int OPERATIONS = Integer.getInteger("bench.operations", 3200);
    /** All clients request into one source by default: intake takes no source-wide lock. */
    private static final int SOURCES = Integer.getInteger("bench.sources", 1);
    /** Prints each measured row's statements (needs -Dnelm.test.pg.shared_preload_libraries=pg_stat_statements). */
    private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");
    /**
     * Off by default: the events are stored with each change (the registry's cost is measured), but their delivery
     * (the mail listener, and GreenMail receiving in this same JVM) waits until the rows are measured, as mail
     * sending always did here. {@code -Dbench.deliverEvents=true} measures with the mails going out meanwhile.
     */
    private static final boolean DELIVER_EVENTS = Boolean.getBoolean("bench.deliverEvents");
    private static final String BARE_SHAPE = "bareRequestShape";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final String INTAKE = "intake (create request)";
    private static final String BARE_START = "bare: start one-task process";
    private static final String BARE_START_DMN = "bare: start with 3-rule DMN first";
    private static final String SHAPE_START = "bare: our BPMN+DMN, no code of ours: start";
    private static final String DECISION = "decision (approve level 1 of 2)";
    private static final String BARE_COMPLETE = "bare: complete task";
    private static final String SHAPE_COMPLETE = "bare: our BPMN, no code of ours: level 1";
    private static final String STOCK_START = "stock Camunda: start one-task process";
    private static final String STOCK_START_DMN = "stock Camunda: start with 3-rule DMN first";
    private static final String STOCK_COMPLETE = "stock Camunda: complete task";

    private WorkflowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestDatabase.datasourceProperties());
        properties.put("server.port", "0");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(TestMail.port()));
        properties.put("nelm.demo.enabled", "true");
        properties.put("camunda.bpm.admin-user.password", TestEnvironment.ADMIN_PASSWORD);
        properties.put("camunda.bpm.job-execution.enabled", "false");
        properties.put("camunda.bpm.metrics.enabled", "false");
        properties.put("spring.datasource.hikari.maximum-pool-size", String.valueOf(CLIENTS + 4));
        properties.put("logging.level.root", "WARN");
        // system properties outrank application.yaml (builder defaults would not)
        properties.forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
        int status = 0;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NelmApplication.class).run()) {
            Runnable resumeDelivery = DELIVER_EVENTS ? () -> { } : pauseEventDelivery(context);
            new Run(context).all();
            resumeDelivery.run();
        } catch (Exception e) {
            // exit all the same: the engine's and the mail server's threads would keep a failed run alive
            e.printStackTrace();
            status = 1;
        }
        TestMail.server().stop();
        System.exit(status);
    }

    /** Occupies the event executor's threads; the returned action drops what queued meanwhile and frees them. */
    private static Runnable pauseEventDelivery(ConfigurableApplicationContext context) {
        ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < executor.getCorePoolSize(); i++) {
            executor.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        return () -> {
            executor.getThreadPoolExecutor().getQueue().clear();
            release.countDown();
        };
    }

    private static final class Run {
        private final RequestService requests;
        private final ApprovalService approvals;
        private final RuntimeService runtime;
        private final TaskService tasks;
        private final ProcessEngine stock;
        private final JdbcClient jdbc;
        private final List<String> sources = new ArrayList<>();
        private final List<String> report = new ArrayList<>();

        Run(ConfigurableApplicationContext context) {
            requests = context.getBean(RequestService.class);
            approvals = context.getBean(ApprovalService.class);
            runtime = context.getBean(RuntimeService.class);
            tasks = context.getBean(TaskService.class);
            jdbc = context.getBean(JdbcClient.class);
            stock = stockEngine(context);
            deployBareProcesses(context.getBean(RepositoryService.class));
            if (STATEMENTS) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
            }
            for (int i = 0; i < SOURCES; i++) {
                sources.add(source("bench-" + i));
            }
        }

        void all() throws Exception {
            Caller admin = TestCallers.ADMIN;
            Caller approver = new Caller("approver1", "approver1", Set.of(Scopes.ALL), Set.of());
            ConcurrentLinkedQueue<String> items = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> bareTasks = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> stockTasks = new ConcurrentLinkedQueue<>();
            RuntimeService stockRuntime = stock.getRuntimeService();
            TaskService stockTaskService = stock.getTaskService();

            // warm-up of every path (JIT, caches, connection pool), not measured
            measure("warm-up intake", WARMUP, i -> intake(admin, i, items));
            measure("warm-up bare start", WARMUP, i -> bareStart(runtime, "bareOneTask"));
            bareTasks.addAll(openTasks("bareOneTask"));
            measure("warm-up bare start+DMN", WARMUP, i -> bareStart(runtime, "bareDmnOneTask"));
            measure("warm-up decision", WARMUP, i -> decide(approver, items.remove()));
            measure("warm-up bare complete", WARMUP, i -> tasks.complete(bareTasks.remove()));
            measure("warm-up bare request shape start", WARMUP, i -> bareShapeStart());
            ConcurrentLinkedQueue<String> warmShapeTasks = new ConcurrentLinkedQueue<>(openTasks(BARE_SHAPE));
            measure("warm-up bare request shape complete", WARMUP, i -> tasks.complete(warmShapeTasks.remove()));
            startRound("warm-up stock start", "bareOneTask", WARMUP, i -> bareStart(stockRuntime, "bareOneTask"), false,
                    stockTasks);
            measure("warm-up stock start+DMN", WARMUP, i -> bareStart(stockRuntime, "bareDmnOneTask"));
            measure("warm-up stock complete", WARMUP, i -> stockTaskService.complete(stockTasks.remove()));
            items.clear();
            bareTasks.clear();
            stockTasks.clear();
            // the tables started empty: fresh statistics, as autovacuum keeps them in a running system, so that no
            // row is measured with a plan made for an empty table
            jdbc.sql("analyze").update();

            // the rows take turns in rounds, so that none is measured only late, on bigger tables, or only early
            int perRound = OPERATIONS / ROUNDS;
            Map<String, List<Sample>> rows = new LinkedHashMap<>();
            ConcurrentLinkedQueue<String> shapeTasks = new ConcurrentLinkedQueue<>();
            for (int round = 0; round < ROUNDS; round++) {
                boolean last = round == ROUNDS - 1;
                add(rows, measure(INTAKE, perRound, i -> intake(admin, i, items), last));
                add(rows, startRound(BARE_START, "bareOneTask", perRound, i -> bareStart(runtime, "bareOneTask"), last, bareTasks));
                add(rows, measure(BARE_START_DMN, perRound, i -> bareStart(runtime, "bareDmnOneTask"), last));
                add(rows, startRound(SHAPE_START, BARE_SHAPE, perRound, i -> bareShapeStart(), last, shapeTasks));
                add(rows, measure(DECISION, perRound, i -> decide(approver, items.remove()), last));
                add(rows, measure(BARE_COMPLETE, perRound, i -> tasks.complete(bareTasks.remove()), last));
                add(rows, measure(SHAPE_COMPLETE, perRound, i -> tasks.complete(shapeTasks.remove()), last));
                add(rows, startRound(STOCK_START, "bareOneTask", perRound, i -> bareStart(stockRuntime, "bareOneTask"),
                        last, stockTasks));
                add(rows, measure(STOCK_START_DMN, perRound, i -> bareStart(stockRuntime, "bareDmnOneTask"), last));
                add(rows, measure(STOCK_COMPLETE, perRound, i -> stockTaskService.complete(stockTasks.remove()), last));
            }
            Map<String, Result> results = new LinkedHashMap<>();
            rows.forEach((name, samples) -> results.put(name, Result.of(name, samples)));
            Result intake = results.get(INTAKE);
            Result bareStart = results.get(BARE_START);
            Result bareDmn = results.get(BARE_START_DMN);
            Result shapeStart = results.get(SHAPE_START);
            Result decision = results.get(DECISION);
            Result bareComplete = results.get(BARE_COMPLETE);
            Result shapeComplete = results.get(SHAPE_COMPLETE);
            Result stockDmn = results.get(STOCK_START_DMN);
            Result stockComplete = results.get(STOCK_COMPLETE);

            System.out.println();
            System.out.printf("Workflow benchmark: %d clients, %d source(s), %d operations per row in %d rounds, PostgreSQL %s, %d cores%n",
                    CLIENTS, SOURCES, OPERATIONS, ROUNDS, jdbc.sql("show server_version").query(String.class).single(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-44s %8s %8s %8s %12s %12s%n", "operation", "ops/s", "p50 ms", "p99 ms",
                    "JVM cpu ms", "PG cpu ms");
            for (Result r : List.of(intake, bareStart, bareDmn, shapeStart, results.get(STOCK_START), stockDmn,
                    decision, bareComplete, shapeComplete, stockComplete)) {
                System.out.printf("%-44s %8.0f %8.1f %8.1f %12.2f %12.2f%n", r.name, r.throughput, r.p50, r.p99,
                        r.jvmCpuMs, r.pgCpuMs);
            }
            System.out.printf("intake overhead vs bare start+DMN: %.2fx (vs bare start: %.2fx)%n",
                    bareDmn.throughput / intake.throughput, bareStart.throughput / intake.throughput);
            System.out.printf("decision overhead vs bare complete: %.2fx%n", bareComplete.throughput / decision.throughput);
            System.out.printf("vs stock Camunda 7.24 (none of our engine plugins): intake vs start+DMN %.2fx, "
                    + "decision vs complete %.2fx%n", stockDmn.throughput / intake.throughput,
                    stockComplete.throughput / decision.throughput);
            System.out.printf("our code's share: intake vs our process run bare %.2fx, decision vs the same %.2fx%n",
                    shapeStart.throughput / intake.throughput, shapeComplete.throughput / decision.throughput);
        }

        private void intake(Caller admin, int i, ConcurrentLinkedQueue<String> items) {
            String source = sources.get(i % sources.size());
            NonEmployeeRequest request = requests.create(admin, new NonEmployeeRequestBody(
                    "bench." + UUID.randomUUID(), "Bench", "Client", "bench@example.com", "5125555555", "manager1",
                    source, null, "2030-03-24T00:00:00Z", "2031-03-25T00:00:00Z"));
            items.add(request.approvalItems().get(0).id());
        }

        private void decide(Caller approver, String itemId) {
            approvals.decide(approver, itemId, ApprovalStatus.APPROVED, null);
        }

        /** What an intake hands the engine for a 2-level source, minus our code (see requestShapeWithoutOurCode). */
        private void bareShapeStart() {
            VariableMap variables = Variables.createVariables();
            Map<String, Object> routing = new HashMap<>();
            routing.put("sourceId", "bench");
            routing.put("sourceName", "bench");
            routing.put("approver1Type", "IDENTITY");
            routing.put("approver1Id", "approver1");
            routing.put("approver2Type", "IDENTITY");
            routing.put("approver2Id", "approver2");
            routing.put("approver3Type", null);
            routing.put("approver3Id", null);
            routing.put("data", Map.of());
            routing.forEach((name, value) -> variables.putValueTyped(name, Variables.untypedValue(value, true)));
            runtime.startProcessInstanceByKey(BARE_SHAPE, UUID.randomUUID().toString(), variables);
        }

        /** A start of a bare process on our engine ({@code runtime}) or the stock one. */
        private static void bareStart(RuntimeService engine, String key) {
            engine.startProcessInstanceByKey(key, UUID.randomUUID().toString(), Map.of("sourceName", "bench", "level", 1));
        }

        /**
         * A measured round of starts of a bare process; the tasks it created go to {@code created} (fetched after the
         * round, so that the starts are measured alone; tasks open before it, e.g. level 2 of an earlier round, stay out).
         */
        private Sample startRound(String name, String processKey, int count, IntConsumer start, boolean printStatements,
                                  Collection<String> created) throws Exception {
            Set<String> before = Set.copyOf(openTasks(processKey));
            Sample sample = measure(name, count, start, printStatements);
            openTasks(processKey).stream().filter(id -> !before.contains(id)).forEach(created::add);
            return sample;
        }

        /** Open tasks of a bare process. */
        private List<String> openTasks(String processKey) {
            return tasks.createTaskQuery().processDefinitionKey(processKey).list().stream().map(Task::getId).toList();
        }

        private void measure(String name, int count, IntConsumer operation) throws Exception {
            measure(name, count, operation, false);
        }

        private static void add(Map<String, List<Sample>> rows, Sample sample) {
            rows.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample);
        }

        /** Runs the operation count times spread over the clients: wall time, each call's latency, CPU used. */
        private Sample measure(String name, int count, IntConsumer operation, boolean printStatements)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger next = new AtomicInteger();
            long[] latencies = new long[count];
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        operation.accept(i);
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            if (STATEMENTS) {
                jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
            }
            long[] cpuBefore = CpuTime.jvmAndPostgres();
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long[] cpuAfter = CpuTime.jvmAndPostgres();
            pool.shutdown();
            if (STATEMENTS && printStatements) {
                printStatements(name, count);
            }
            return new Sample(name, seconds, latencies, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1]);
        }

        private void printStatements(String name, int count) {
            System.out.printf("%n%s: statements per operation, by total time%n", name);
            jdbc.sql("""
                    select calls, total_exec_time, query, rows, shared_blks_hit + shared_blks_read from pg_stat_statements
                    where query not like '%pg_stat_statements%' order by total_exec_time desc limit 30""")
                    .query((rs, row) -> {
                        double msPerOperation = rs.getDouble(2) / count;
                        String query = rs.getString(3).replaceAll("\\s+", " ");
                        // statements that cost over 1 ms per operation are printed whole, to see their WHERE clause
                        String shown = query.substring(0, Math.min(msPerOperation > 1 ? 2000 : 150, query.length()));
                        return String.format("%6.2f calls %8.3f ms/op %7.1f rows %7.1f blocks/call  %s",
                                rs.getLong(1) / (double) count, msPerOperation, rs.getLong(4) / (double) rs.getLong(1),
                                rs.getLong(5) / (double) rs.getLong(1), shown);
                    })
                    .list().forEach(System.out::println);
            jdbc.sql("select sum(calls), sum(total_exec_time) from pg_stat_statements").query((rs, row) ->
                    String.format("total: %.1f statements/op, %.2f ms/op in the database", rs.getLong(1) / (double) count,
                            rs.getDouble(2) / count)).list().forEach(System.out::println);
        }

        private String source(String name) {
            return new ProcessTestSources(jdbc).create(name + "-" + UUID.randomUUID(),
                    List.of(new ApproverRef(ApproverType.IDENTITY, "approver1"), new ApproverRef(ApproverType.IDENTITY, "approver2")));
        }

        private void deployBareProcesses(RepositoryService repository) {
            BpmnModelInstance oneTask = Bpmn.createExecutableProcess("bareOneTask").camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task").camundaAssignee("approver1").endEvent().done();
            BpmnModelInstance dmnOneTask = Bpmn.createExecutableProcess("bareDmnOneTask").camundaHistoryTimeToLive(1)
                    .startEvent().businessRuleTask("Route").camundaDecisionRef("bareRouting")
                    .camundaResultVariable("route").camundaMapDecisionResult("singleEntry")
                    .userTask("Task").camundaAssignee("approver1").endEvent().done();
            repository.createDeployment().name("bench")
                    .addModelInstance("bareRequestShape.bpmn", requestShapeWithoutOurCode())
                    .addModelInstance("bareOneTask.bpmn", oneTask)
                    .addModelInstance("bareDmnOneTask.bpmn", dmnOneTask)
                    .addString("bareRouting.dmn", BARE_DMN)
                    .deploy();
        }
    }

    /**
     * A second engine on the same database, as Camunda 7.24 comes: none of our engine plugins (FEEL parse cache,
     * id check, history level), otherwise the settings of ours (history full, authorization on, UUID ids, JDBC
     * batching, Spring transactions on the same pool). Two engines on one database is Camunda's cluster setup.
     */
    private static ProcessEngine stockEngine(ConfigurableApplicationContext context) {
        SpringTransactionsProcessEngineConfiguration configuration = new SpringTransactionsProcessEngineConfiguration();
        configuration.setProcessEngineName("stock");
        configuration.setDataSource(context.getBean(DataSource.class));
        configuration.setTransactionManager(context.getBean(PlatformTransactionManager.class));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setAuthorizationEnabled(true);
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJdbcBatchProcessing(true);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setEnforceHistoryTimeToLive(false);
        return configuration.buildProcessEngine();
    }

    /**
     * Our request process as the engine runs it without any of our code: same BPMN (business rule task with our
     * routing DMN, the gateways, the review task) minus our listeners, the approver as a fixed assignee, and the
     * gateways' questions to our items answered by constants (levels: yes; rejected: no; next level: yes, since
     * a run completes level 1 of 2). Started with the same transient variables as an intake, it shows what the
     * process itself costs the engine, apart from what our code adds.
     */
    private static BpmnModelInstance requestShapeWithoutOurCode() {
        BpmnModelInstance model;
        try (var in = WorkflowBenchmark.class.getResourceAsStream("/non-employee-request.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        org.camunda.bpm.model.bpmn.instance.Process process =
                model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator().next();
        process.setId(BARE_SHAPE);
        for (var listenerType : List.of(CamundaExecutionListener.class, CamundaTaskListener.class)) {
            for (var listener : List.copyOf(model.getModelElementsByType(listenerType))) {
                listener.getParentElement().removeChildElement(listener);
            }
        }
        model.getModelElementsByType(UserTask.class).forEach(task -> task.setCamundaAssignee("approver1"));
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            condition.setTextContent(condition.getTextContent().contains("rejected") ? "${false}" : "${true}");
        }
        return model;
    }

    /** One round of one row: wall time, latencies in ns, CPU of this JVM and of PostgreSQL in ms. */
    private record Sample(String name, double seconds, long[] latencies, long jvmCpuMs, long pgCpuMs) {
    }

    /** A row over all its rounds; CPU per operation of this JVM and of all PostgreSQL processes, in ms. */
    private record Result(String name, double throughput, double p50, double p99, double jvmCpuMs, double pgCpuMs) {
        static Result of(String name, List<Sample> samples) {
            long[] latencies = samples.stream().flatMapToLong(sample -> Arrays.stream(sample.latencies())).sorted()
                    .toArray();
            int count = latencies.length;
            double seconds = samples.stream().mapToDouble(Sample::seconds).sum();
            return new Result(name, count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6,
                    samples.stream().mapToLong(Sample::jvmCpuMs).sum() / (double) count,
                    samples.stream().mapToLong(Sample::pgCpuMs).sum() / (double) count);
        }
    }

    /** Three rules on a string input, first hit: the DMN step of the stack notes' reference measurement. */
    private static final String BARE_DMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                         id="bareRoutingDefinitions" name="bare" namespace="http://nelm.org/bench">
              <decision id="bareRouting" name="bare routing" camunda:historyTimeToLive="P1D">
                <decisionTable id="bareTable" hitPolicy="FIRST">
                  <input id="in"><inputExpression id="inExpr" typeRef="string"><text>sourceName</text></inputExpression></input>
                  <output id="out" name="approver" typeRef="string"/>
                  <rule id="r1"><inputEntry id="r1i"><text>"a"</text></inputEntry><outputEntry id="r1o"><text>"x"</text></outputEntry></rule>
                  <rule id="r2"><inputEntry id="r2i"><text>"b"</text></inputEntry><outputEntry id="r2o"><text>"y"</text></outputEntry></rule>
                  <rule id="r3"><inputEntry id="r3i"><text></text></inputEntry><outputEntry id="r3o"><text>"z"</text></outputEntry></rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
}
