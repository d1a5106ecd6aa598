package org.nelm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.nelm.support.RawHttp;
import org.nelm.support.StandaloneNode;
import org.nelm.support.TestDatabase;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A node that is told to stop (SIGTERM, context close) first stops acquiring jobs, refuses new connections,
 * lets the request in flight finish, and only then closes. The request in flight is a servlet of this test that
 * waits until the test lets it answer.
 */
class GracefulShutdownIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aStoppingNodeStopsAcquiringJobs_refusesNewConnections_andFinishesTheRequestInFlight() throws Exception {
        SlowServlet slow = new SlowServlet();
        String[] args = StandaloneNode.args(TestDatabase.datasourceProperties(),
                "camunda.bpm.admin-user.password=admin", "nelm.demo.enabled=true", "server.shutdown=graceful");
        ConfigurableApplicationContext node = StandaloneNode.start(args, context -> ((GenericApplicationContext) context)
                .registerBean("slowServlet", ServletRegistrationBean.class,
                        () -> new ServletRegistrationBean<>(slow, "/nelm-test-slow")));
        int port = StandaloneNode.port(node);
        JobExecutor jobExecutor = node.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor();
        String token = new ObjectMapper().readTree(RawHttp.token(port,
                RawHttp.clientCredentials("admin", "admin-secret")).body()).get("access_token").asText();
        assertThat(jobExecutor.isActive()).isTrue();

        CompletableFuture<HttpResponse<String>> inFlight = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/nelm-test-slow"))
                        .header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slow.entered.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(node::close, "stopping-node");
        stopping.start();

        await().atMost(DEADLINE).until(() -> !jobExecutor.isActive());
        await().atMost(DEADLINE).until(() -> refusesConnections(port));
        assertThat(inFlight).isNotDone();
        assertThat(stopping.isAlive()).as("the node waits for the request").isTrue();

        slow.release.countDown();

        HttpResponse<String> response = inFlight.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("finished");
        stopping.join(DEADLINE.toMillis());
        assertThat(stopping.isAlive()).as("closed after the request finished").isFalse();
    }

    private static boolean refusesConnections(int port) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException | InterruptedException other) {
            return false;
        }
    }

    /** Answers once the test releases it. */
    private static final class SlowServlet extends HttpServlet {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            entered.countDown();
            try {
                if (!release.await(DEADLINE.toSeconds() * 2, TimeUnit.SECONDS)) {
                    response.sendError(HttpServletResponse.SC_GATEWAY_TIMEOUT);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            response.getWriter().write("finished");
        }
    }
}
