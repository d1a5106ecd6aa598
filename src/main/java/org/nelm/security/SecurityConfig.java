package org.nelm.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.nelm.platform.error.DetailCode;
import org.nelm.platform.error.ErrorResponses;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Four chains. Camunda's webapps and engine REST bring their own authentication (session login with XSRF,
 * HTTP Basic against Camunda users), so Spring Security stays out of their way there. The token endpoint, the
 * public documents and health are open; every other actuator endpoint needs the actuator's HTTP Basic
 * credentials. Everything else is the API: a stateless bearer-JWT resource server, so an unknown path without a
 * token answers 401 and with a token 404. Every chain keeps Spring Security's headers, so a request that came
 * over HTTPS (also through a proxy's X-Forwarded-Proto) gets HSTS.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    private static final String ACTUATOR_ROLE = "ACTUATOR";

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        http.securityMatcher(paths("/camunda/**", "/engine-rest/**"))
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        http.securityMatcher(paths("/oauth/token", "/openapi", "/openapi/**", "/swagger-ui", "/swagger-ui/**",
                        "/swagger-ui.html", "/actuator/health", "/actuator/health/**", "/", "/error", "/favicon.ico"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain actuatorChain(HttpSecurity http, SecurityProperties properties, PasswordEncoder encoder,
                                      ErrorResponses responses) throws Exception {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        SecurityProperties.Actuator actuator = properties.actuator();
        if (actuator.enabled()) {
            users.createUser(User.withUsername(actuator.username()).password(encoder.encode(actuator.password()))
                    .roles(ACTUATOR_ROLE).build());
        }
        http.securityMatcher(paths("/actuator", "/actuator/**"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ACTUATOR_ROLE))
                .userDetailsService(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(actuatorEntryPoint(responses)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(actuatorEntryPoint(responses)));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain apiChain(HttpSecurity http, ErrorResponses responses, RateLimitFilter rateLimitFilter)
            throws Exception {
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(responses);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, e) ->
                                responses.write(DetailCode.FORBIDDEN, List.of(), request, response)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint))
                .addFilterAfter(rateLimitFilter, BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** 401 with a Basic challenge, written here: the servlet error page would turn it into a 400 body. */
    private static AuthenticationEntryPoint actuatorEntryPoint(ErrorResponses responses) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"nelm-actuator\"");
            responses.writeJson(response, HttpServletResponse.SC_UNAUTHORIZED,
                    Map.of("error", "The actuator needs its HTTP Basic credentials"));
        };
    }

    /** Our tokens: RS256 by one of the signing keys (chosen by kid), expiry on the application's clock. */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, SigningKeys keys, Clock clock) {
        if (properties.externalIssuer()) {
            return JwtDecoders.fromIssuerLocation(properties.issuerUri());
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys.jwkSource()));
        // the claims are checked by Spring's validators below, as NimbusJwtDecoder's own builders do
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
                new JwtIssuerValidator(TokenClaims.ISSUER)));
        return decoder;
    }

    /** Before the node reports ready: the signing key exists and opens with this node's secret. */
    @Bean
    @Order(0)
    ApplicationRunner signingKeysReady(SecurityProperties properties, SigningKeys keys) {
        return args -> {
            if (!properties.externalIssuer()) {
                keys.prepare();
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ErrorResponses responses) {
        return new RateLimitFilter(properties, responses);
    }

    /** The rate limiter runs inside the API chain only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static RequestMatcher paths(String... patterns) {
        return new OrRequestMatcher(java.util.Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
                .toList());
    }
}
