package org.nelm.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfig {

    /** One clock for the application, so tests can reason about time the same way the engine clock does. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
