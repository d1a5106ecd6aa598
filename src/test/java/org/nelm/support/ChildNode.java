package org.nelm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;

/**
 * A second node of a cluster: the application ({@code org.nelm.NelmApplication} from the test classpath) in a child
 * JVM, on the database and SMTP server of a test's own context, with that context's job takeover timings. A test
 * kills it with {@link #kill()}: {@code Process.destroyForcibly()}, which is SIGKILL on Linux, so the node gets no
 * chance to release anything. Its log goes to {@code target/child-nodes/}.
 */
public final class ChildNode implements AutoCloseable {

    /** The settings a node's takeover depends on: the child uses the test context's values. */
    private static final List<String> TAKEOVER_SETTINGS = List.of(
            "camunda.bpm.job-execution.lock-time-in-millis",
            "camunda.bpm.job-execution.wait-time-in-millis",
            "camunda.bpm.job-execution.max-wait",
            "nelm.events.redeliver-after",
            "nelm.events.redelivery-cycle");

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node on the database of the context whose environment is given and waits until it is ready.
     * {@code settings} ({@code name=value}) come on top, e.g. a batch size of its own.
     */
    public static ChildNode start(Environment context, String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", classPath(),
                "org.nelm.NelmApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + context.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=" + context.getRequiredProperty("spring.datasource.username"),
                "--spring.datasource.password=" + context.getProperty("spring.datasource.password", ""),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                "--nelm.demo.enabled=true",
                "--camunda.bpm.admin-user.password=" + TestEnvironment.ADMIN_PASSWORD,
                "--nelm.rate-limit.requests=100000",
                "--camunda.bpm.metrics.enabled=false",
                "--camunda.bpm.metrics.db-reporter-activate=false"));
        for (String name : TAKEOVER_SETTINGS) {
            String value = context.getProperty(name);
            if (value != null) {
                command.add("--" + name + "=" + value);
            }
        }
        for (String setting : settings) {
            // a setting given here replaces the default above (e.g. a mail port of its own)
            String name = "--" + setting.substring(0, setting.indexOf('=') + 1);
            command.removeIf(arg -> arg.startsWith(name));
            command.add("--" + setting);
        }
        try {
            // a directory of its own: the deployment scan (classpath*:**/*.bpmn) also reads the working directory,
            // which for the tests is the project with its bpmn/ sources
            Path home = Files.createDirectories(Path.of("target", "child-nodes",
                    "node-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
            Path log = home.resolve("node.log");
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            ChildNode node = new ChildNode(process, port, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a child node", e);
        }
    }

    public int port() {
        return port;
    }

    /** Kills the node (SIGKILL) and returns when it is gone: the instant of the kill. */
    public Instant kill() {
        Instant killed = Instant.now();
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the child node did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return killed;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the child node exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the web server is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("the child node was not ready within " + STARTUP + ":\n" + logTail());
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** This JVM's class path with absolute entries, so that it holds from another working directory. */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
