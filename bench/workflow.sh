#!/usr/bin/env bash
# Workflow benchmark: request intake and approval decisions with 16 clients on embedded PostgreSQL 15, next to a
# bare Camunda engine doing the same start / complete in the same run. Starts and stops everything itself.
#   bench/workflow.sh                      (defaults: 16 clients, 800 warm-up, 3200 measured operations per row)
#   BENCH_OPTS="-Dbench.operations=6400 -Dbench.rounds=8" bench/workflow.sh   (rows take turns in rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MAVEN_OFFLINE:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g ${BENCH_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    org.nelm.bench.WorkflowBenchmark
