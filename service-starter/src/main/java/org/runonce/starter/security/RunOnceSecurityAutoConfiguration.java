package org.runonce.starter.security;

import java.util.List;
import org.runonce.starter.RunOnceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zero trust: the service validates every JWT itself (issuer, expiry, audience) and is a stateless resource server.
 * Open: health/info/prometheus, the OpenAPI document, {@code runonce.security.public-paths}. Whoami: the roles in
 * {@code runonce.security.whoami-roles}. {@code /api/<service>/admin/**} (dead letters, parked events, a service's
 * operator tools): the roles in {@code runonce.security.admin-roles}. Everything else: any authenticated caller, refined by the service with
 * {@code @PreAuthorize("hasRole('reviewer')")} on its methods.
 */
@AutoConfiguration(
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerWebSecurityAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RunOnceProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class RunOnceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain runOnceSecurityFilterChain(HttpSecurity http, RunOnceProperties properties, JsonMapper json)
            throws Exception {
        var problems = new ProblemSecurityHandlers(json);
        String api = properties.service().apiPath();
        List<String> whoamiRoles = properties.security().whoamiRoles();
        http.csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                            .permitAll();
                    requests.requestMatchers("/error", "/v3/api-docs/**", api + "/v3/api-docs/**")
                            .permitAll();
                    for (String path : properties.security().publicPaths()) {
                        String[] methodAndPattern = path.trim().split("\\s+", 2);
                        if (methodAndPattern.length == 2) {
                            requests.requestMatchers(HttpMethod.valueOf(methodAndPattern[0]), methodAndPattern[1])
                                    .permitAll();
                        } else {
                            requests.requestMatchers(methodAndPattern[0]).permitAll();
                        }
                    }
                    var whoami = requests.requestMatchers(HttpMethod.GET, api + "/whoami");
                    if (whoamiRoles.isEmpty()) {
                        whoami.authenticated();
                    } else {
                        whoami.hasAnyRole(whoamiRoles.toArray(String[]::new));
                    }
                    // dead letters and parked events (starter), and a service's own operator tools
                    requests.requestMatchers(api + "/admin/**")
                            .hasAnyRole(properties.security().adminRoles().toArray(String[]::new));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtConverter()))
                                .authenticationEntryPoint(problems)
                                .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Picked up by Boot's JWT decoder next to its issuer and timestamp validators. */
    @Bean
    OAuth2TokenValidator<Jwt> audienceValidator(RunOnceProperties properties) {
        return new AudienceValidator(properties.security().audience());
    }

    @Bean
    WhoAmIController runOnceWhoAmIController(RunOnceProperties properties) {
        return new WhoAmIController(properties.service().name());
    }

    /** Lets controllers declare a {@link Caller} parameter. */
    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new HandlerMethodArgumentResolver() {
                    @Override
                    public boolean supportsParameter(MethodParameter parameter) {
                        return parameter.getParameterType() == Caller.class;
                    }

                    @Override
                    public Caller resolveArgument(
                            MethodParameter parameter,
                            ModelAndViewContainer container,
                            NativeWebRequest request,
                            WebDataBinderFactory binders) {
                        return Caller.from(SecurityContextHolder.getContext().getAuthentication());
                    }
                });
            }
        };
    }
}
