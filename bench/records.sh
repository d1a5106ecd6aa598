#!/usr/bin/env bash
# Records benchmark on embedded PostgreSQL 15 (started and stopped by the benchmark itself):
#   - CSV import of 20,000 rows, upload -> COMPLETED, next to COPY and batched INSERT of the same rows (the floors)
#   - CSV export of 20,000 rows (time and heap)
#   - list with filter + sort over 1,000,000 records (50 sources x 20,000), p50/p95
#   bench/records.sh                          (prints a Markdown table, also written to target/bench-records.md)
#   BENCH_OPTS="-Dbench.listRequests=2000 -Dbench.only=import,export -Dbench.bulkLog=DEBUG" bench/records.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B ${MAVEN_OFFLINE:-} -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-records.classpath -Dmdep.includeScope=test
exec java -Xmx1g ${BENCH_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench-records.classpath)" \
    org.nelm.bench.RecordsBenchmark
