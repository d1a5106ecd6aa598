package org.nelm.platform.error;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

@Configuration(proxyBeanMethods = false)
class ErrorConfig {

    /**
     * Puts {@link JsonErrorReportValve} where Tomcat's HTML error valve was. Ordered last, so that it runs after
     * Spring Boot's own customizer has added the HTML one (with {@code server.error.include-stacktrace: never}).
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(ErrorResponses responses) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonErrorReportValve(responses));
            // the host adds a valve of this class when it starts unless it finds one: it finds ours
            host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        });
    }
}
