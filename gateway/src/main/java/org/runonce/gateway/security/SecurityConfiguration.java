package org.runonce.gateway.security;

import org.runonce.gateway.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * JWT validation at the edge. Signature, expiry, issuer ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
 * and audience ({@code ...jwt.audiences}, {@code runonce-gateway}) are checked by Spring Boot's decoder; this chain
 * decides which paths need a token. Roles are mapped but not checked here: each service authorizes its own requests
 * and validates the relayed token again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reachable without a token; a token presented anyway is still validated and a bad one is rejected. */
    static final String[] PUBLIC_PATHS = {
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/actuator/prometheus",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/webjars/**",
        "/v3/api-docs/swagger-config",
        "/api/*/v3/api-docs",
        "/api/*/v3/api-docs/**"
    };

    @Bean
    SecurityWebFilterChain edgeSecurity(
            ServerHttpSecurity http,
            ReactiveJwtDecoder jwtDecoder,
            ProblemResponses problems,
            CorsConfigurationSource portalCorsSource) {
        ProblemSecurityHandlers problemHandlers = new ProblemSecurityHandlers(problems);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(portalCorsSource))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC_PATHS)
                        .permitAll()
                        // The catalog is public to read; its admin paths are authorized by the catalog itself.
                        .pathMatchers(HttpMethod.GET, "/api/catalog/**")
                        .permitAll()
                        // Anyone verifies an e-certificate and reads the published results (公示); approval-service
                        // opens the same paths.
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/approval/.well-known/jwks.json",
                                "/api/approval/certificates/*",
                                "/api/approval/publications")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/approval/certificates/verify")
                        .permitAll()
                        // Portals show the halls and service points, their hours and free appointment slots without
                        // signing in; intake-service opens the same paths.
                        .pathMatchers(
                                HttpMethod.GET,
                                "/api/intake/hall/service-points",
                                "/api/intake/hall/service-points/*",
                                "/api/intake/hall/service-points/*/slots")
                        .permitAll()
                        // 好差评 by the signed link sent to the applicant (by SMS); intake-service opens it too.
                        .pathMatchers("/api/intake/public/ratings/*")
                        .permitAll()
                        // Complaints and inquiries without signing in (a contact, then the access code); approval
                        // opens the same paths.
                        .pathMatchers("/api/approval/public/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(keysUnavailableAsServiceError(jwtDecoder))
                                .jwtAuthenticationConverter(keycloakAuthentication()))
                        .authenticationEntryPoint(problemHandlers)
                        .authenticationFailureHandler(problemHandlers)
                        .accessDeniedHandler(problemHandlers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problemHandlers).accessDeniedHandler(problemHandlers))
                .build();
    }

    // Nimbus reports unreachable JWK Set endpoints as IllegalStateException, which would end as a 500. As a
    // JwtException it becomes an AuthenticationServiceException, which ProblemSecurityHandlers answers with 503.
    static ReactiveJwtDecoder keysUnavailableAsServiceError(ReactiveJwtDecoder decoder) {
        return token -> decoder.decode(token)
                .onErrorMap(
                        failure -> !(failure instanceof JwtException),
                        failure -> new JwtException("The keys to verify the token cannot be obtained", failure));
    }

    static ReactiveJwtAuthenticationConverter keycloakAuthentication() {
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                new ReactiveJwtGrantedAuthoritiesConverterAdapter(new KeycloakRealmRoles()));
        return converter;
    }
}
