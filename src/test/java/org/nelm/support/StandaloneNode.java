package org.nelm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nelm.NelmApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application started the way a node starts ({@code SpringApplicationBuilder}, settings as command-line
 * arguments), beside the shared test context: its own engine name, no webapps (they keep their context in a
 * static field, one per JVM), the test SMTP server. Nothing of {@link TestEnvironment} applies: every setting
 * the node needs is given here, as an operator would.
 */
public final class StandaloneNode {

    private StandaloneNode() {
    }

    /** Arguments for a node on this database; {@code settings} are {@code name=value} pairs. */
    public static String[] args(Map<String, String> datasource, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMail.port(),
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.metrics.enabled=false",
                "--camunda.bpm.metrics.db-reporter-activate=false",
                "--spring.datasource.hikari.connection-timeout=10000"));
        datasource.forEach((name, value) -> args.add("--" + name + "=" + value));
        for (String setting : settings) {
            // a setting given here replaces the default above (e.g. a mail port of its own)
            String name = "--" + setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(name));
            args.add("--" + setting);
        }
        return args.toArray(String[]::new);
    }

    @SafeVarargs
    public static ConfigurableApplicationContext start(String[] args,
                                                       ApplicationContextInitializer<? super ConfigurableApplicationContext>... initializers) {
        return new SpringApplicationBuilder(NelmApplication.class).initializers(initializers).run(args);
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
