package org.nelm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.nelm.NelmApplication;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * See bench/records.sh. Everything runs in one JVM: embedded PostgreSQL 15, the application on a random port,
 * and the HTTP client. Floors (COPY, batched INSERT) write the same rows into the same table with its indexes.
 */
public final class RecordsBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ROWS = 20_000;
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int LIST_REQUESTS = Integer.getInteger("bench.listRequests", 1000);

    private final Map<String, String> results = new LinkedHashMap<>();
    private String base;
    private String token;
    private String jdbcUrl;

    public static void main(String[] args) throws Exception {
        int status = 0;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("log_min_duration_statement", System.getProperty("bench.pgSlowMillis", "-1")).start()) {
            new RecordsBenchmark().run(postgres);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database nelm_bench");
        }
        jdbcUrl = postgres.getJdbcUrl("postgres", "nelm_bench") + "&reWriteBatchedInserts=true";
        SpringApplication application = new SpringApplication(NelmApplication.class);
        String[] arguments = {
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--nelm.demo.enabled=true",
                "--camunda.bpm.admin-user.password=admin",
                // one token for the whole run, which takes longer than the 15-minute default
                "--nelm.security.token-validity=PT2H",
                "--nelm.rate-limit.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.nelm.bulk=" + System.getProperty("bench.bulkLog", "INFO")};
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            token = token();
            String version;
            try (Connection c = connection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("show server_version")) {
                rs.next();
                version = rs.getString(1);
            }
            results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL " + version
                    + ", JDK " + System.getProperty("java.version"));
            String only = System.getProperty("bench.only", "import,export,list");
            if (only.contains("import")) {
                importVersusFloors();
            }
            if (only.contains("export")) {
                export();
            }
            if (only.contains("list")) {
                list();
            }
        }
        StringBuilder table = new StringBuilder("| Measurement | Result |\n|---|---|\n");
        results.forEach((name, value) -> table.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(table);
        Files.writeString(Path.of("target/bench-records.md"), table);
    }

    // --- import vs COPY vs batched INSERT -----------------------------------------------------------------

    private void importVersusFloors() throws Exception {
        byte[] csv = csv("imp.");
        List<Double> endToEnd = new ArrayList<>();
        List<Double> accepted = new ArrayList<>();
        List<Double> pickUp = new ArrayList<>();
        List<Double> processing = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        List<Double> insert = new ArrayList<>();
        for (int run = 0; run <= RUNS; run++) {
            String importSource = source("import-" + run);
            long start = System.currentTimeMillis();
            JsonNode job = json(upload(importSource, csv), 202);
            long upload = System.currentTimeMillis();
            awaitCompleted(importSource);
            long completed = System.currentTimeMillis();
            long[] times = jobTimes(job.get("id").asText());

            String floorSource = source("floor-" + run);
            double copySeconds = copy(floorSource, "imp.");
            deleteRecords(floorSource);
            double insertSeconds = batchedInsert(floorSource, "imp.");
            if (run > 0) {
                endToEnd.add((completed - start) / 1000.0);
                accepted.add((upload - start) / 1000.0);
                pickUp.add((times[1] - times[0]) / 1000.0);
                processing.add((times[2] - times[1]) / 1000.0);
                seen.add((completed - times[2]) / 1000.0);
                copy.add(copySeconds);
                insert.add(insertSeconds);
            }
            deleteSource(importSource);
            deleteSource(floorSource);
        }
        results.put("import 20,000 rows: upload → COMPLETED (median of " + RUNS + ")", fmt(median(endToEnd)) + " s");
        results.put("  upload → 202 (HTTP, file read and checked, job stored, committed)", fmt(median(accepted)) + " s");
        results.put("  upload's commit (process started) → import job started by the job executor", fmt(median(pickUp)) + " s");
        results.put("  import ended → COMPLETED seen by the client (commit, 20 ms status poll)", fmt(median(seen)) + " s");
        results.put("import processing (import job started → job ended)", fmt(median(processing)) + " s");
        results.put("floor: COPY of the same 20,000 rows into nelm_record", fmt(median(copy)) + " s");
        results.put("floor: batched INSERT (1,000/batch, one transaction)", fmt(median(insert)) + " s");
        results.put("upload → COMPLETED / processing (target ≤ 1.5 ×)", fmt(median(endToEnd) / median(processing)) + " ×");
        results.put("import processing / COPY (target ≤ 2 ×)", fmt(median(processing) / median(copy)) + " ×");
    }

    /**
     * Epoch milliseconds of the upload's commit (its process's start, the last thing the upload's transaction does),
     * the import job's start (the engine's history of the import task) and the job's end (its last modification).
     */
    private long[] jobTimes(String jobId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("""
                select p.start_time_, a.start_time_, j.modified
                from nelm_bulk_job j
                join act_hi_procinst p on p.business_key_ = j.id
                join act_hi_actinst a on a.proc_inst_id_ = p.id_ and a.act_id_ = 'import-records'
                where j.id = ?""")) {
            s.setString(1, jobId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime(), rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli()};
            }
        }
    }

    private double copy(String sourceId, String prefix) throws Exception {
        StringBuilder rows = new StringBuilder();
        String now = Instant.now().toString();
        for (int i = 0; i < ROWS; i++) {
            rows.append(UUID.randomUUID()).append(',').append(sourceId).append(',').append(prefix).append(i)
                    .append(",First").append(i).append(",Last").append(i).append(',').append(prefix).append(i)
                    .append("@example.com,555-").append(i).append(",jane.doe,2024-01-01T00:00:00Z,2031-12-31T00:00:00Z,")
                    .append(now).append(',').append(now).append('\n');
        }
        try (Connection c = connection()) {
            long start = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy nelm_record (id, source_id, account_name, first_name, last_name, email, phone, manager,
                        start_date, end_date, created, modified) from stdin with (format csv)""",
                    new StringReader(rows.toString()));
            return seconds(start);
        }
    }

    private double batchedInsert(String sourceId, String prefix) throws Exception {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("""
                    insert into nelm_record (id, source_id, account_name, first_name, last_name, email, phone, manager,
                        start_date, end_date, created, modified) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < ROWS; i++) {
                    s.setString(1, UUID.randomUUID().toString());
                    s.setString(2, sourceId);
                    s.setString(3, prefix + i);
                    s.setString(4, "First" + i);
                    s.setString(5, "Last" + i);
                    s.setString(6, prefix + i + "@example.com");
                    s.setString(7, "555-" + i);
                    s.setString(8, "jane.doe");
                    s.setObject(9, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                    s.setObject(10, OffsetDateTime.of(2031, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC));
                    s.setTimestamp(11, now);
                    s.setTimestamp(12, now);
                    s.addBatch();
                    if (i % 1000 == 999) {
                        s.executeBatch();
                    }
                }
            }
            c.commit();
            return seconds(start);
        }
    }

    // --- export ----------------------------------------------------------------------------------------------

    private void export() throws Exception {
        String sourceId = source("export");
        json(upload(sourceId, csv("exp.")), 202);
        awaitCompleted(sourceId);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> times = new ArrayList<>();
        long liveGrowth = 0;
        for (int run = 0; run <= 5; run++) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = HTTP.send(request("/v3/non-employee-sources/" + sourceId
                    + "/non-employees/download").header("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
            double elapsed = seconds(start);
            if (response.statusCode() != 200 || bytes < ROWS * 50L) {
                throw new IllegalStateException("export failed: " + response.statusCode() + ", " + bytes + " bytes");
            }
            if (run > 0) {
                times.add(elapsed);
            }
        }
        // live heap (after a full GC) in the middle of an export vs. before it: what the export holds on to
        for (int run = 0; run < 3; run++) {
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            HttpResponse<InputStream> response = HTTP.send(request("/v3/non-employee-sources/" + sourceId
                    + "/non-employees/download").header("Accept", "text/csv").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            boolean sampled = false;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                    if (!sampled && bytes > ROWS * 50L) {
                        System.gc();
                        liveGrowth = Math.max(liveGrowth, memory.getHeapMemoryUsage().getUsed() - before);
                        sampled = true;
                    }
                }
            }
        }
        results.put("export 20,000 rows over HTTP (median of 5)", fmt(median(times)) + " s");
        results.put("live heap held mid-export (after full GC, vs. before; max of 3)",
                String.format("%.1f MB", liveGrowth / (1024.0 * 1024.0)));
        deleteSource(sourceId);
    }

    // --- list over 1,000,000 records -------------------------------------------------------------------------

    private void list() throws Exception {
        List<String> sources = new ArrayList<>();
        long fill = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            String sourceId = source("list-" + i);
            copy(sourceId, "l" + i + ".");
            sources.add(sourceId);
        }
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("analyze nelm_record");
            try (var rs = s.executeQuery("select count(*) from nelm_record")) {
                rs.next();
                results.put("records for the list benchmark (filled by COPY in " + fmt(seconds(fill)) + " s)",
                        String.format("%,d", rs.getLong(1)));
            }
        }
        Random random = new Random(42);
        String[] sorters = {"id", "accountName", "sourceId", "manager", "firstName", "lastName", "email", "phone",
                "startDate", "endDate", "created", "modified"};
        measureList("list filter sourceId eq + sort by any of the 12 sorters (asc/desc), limit 250, offset 0-2,000",
                LIST_REQUESTS, () -> "/v3/non-employee-records?limit=250&offset=" + random.nextInt(9) * 250
                        + "&sorters=" + (random.nextBoolean() ? "-" : "") + sorters[random.nextInt(sorters.length)]
                        + "&filters=" + encode("sourceId eq \"" + sources.get(random.nextInt(sources.size())) + "\""));
        measureList("list filter + sort lastName + count=true", LIST_REQUESTS, () ->
                "/v3/non-employee-records?limit=250&count=true&sorters=lastName&filters="
                        + encode("sourceId eq \"" + sources.get(random.nextInt(sources.size())) + "\""));
        measureList("list all 1M, default order (created), limit 250, offset 0-2,000", LIST_REQUESTS, () ->
                "/v3/non-employee-records?limit=250&offset=" + random.nextInt(9) * 250);
        measureList("list all 1M sorted by lastName (no global index: full scan)", 50, () ->
                "/v3/non-employee-records?limit=250&sorters=lastName");
    }

    private void measureList(String name, int requests, Supplier<String> paths) throws Exception {
        for (int i = 0; i < requests / 5; i++) {
            get(paths.get());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String path = paths.get();
            long start = System.nanoTime();
            get(path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        results.put(name + " (" + requests + " requests)", "p50 " + fmt(millis.get(millis.size() / 2))
                + " ms, p95 " + fmt(millis.get((int) (millis.size() * 0.95))) + " ms, max "
                + fmt(millis.get(millis.size() - 1)) + " ms");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private String source(String name) throws Exception {
        JsonNode source = json(send(request("/v3/non-employee-sources").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", "bench-" + name,
                        "description", "benchmark", "owner", Map.of("id", "admin"))))).build()), 200);
        return source.get("id").asText();
    }

    private void deleteSource(String id) throws Exception {
        send(request("/v3/non-employee-sources/" + id).DELETE().build());
    }

    private void deleteRecords(String sourceId) throws Exception {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement("delete from nelm_record where source_id = ?")) {
            s.setString(1, sourceId);
            s.executeUpdate();
        }
    }

    private HttpResponse<String> upload(String sourceId, byte[] csv) throws Exception {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv, 0, body, head.length, csv.length);
        System.arraycopy(tail, 0, body, head.length + csv.length, tail.length);
        return send(request("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private void awaitCompleted(String sourceId) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            String status = json(get("/v3/non-employee-sources/" + sourceId + "/non-employee-bulk-upload/status"), 200)
                    .path("status").asText();
            if (status.equals("COMPLETED")) {
                return;
            }
            if (status.equals("ERROR")) {
                throw new IllegalStateException("import ended in ERROR");
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("import did not complete");
    }

    private static byte[] csv(String prefix) {
        StringBuilder csv = new StringBuilder("accountName,firstName,lastName,phone,email,manager,startDate,endDate\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(prefix).append(i).append(",First").append(i).append(",Last").append(i).append(",555-").append(i)
                    .append(',').append(prefix).append(i).append("@example.com,jane.doe,2024-01-01T00:00:00Z,")
                    .append("2031-12-31T00:00:00Z\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = send(request(path).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expected) throws Exception {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String token() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=admin&client_secret=admin-secret")).build());
        return json(response, 200).get("access_token").asText();
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String fmt(double value) {
        return String.format("%.3f", value);
    }
}
