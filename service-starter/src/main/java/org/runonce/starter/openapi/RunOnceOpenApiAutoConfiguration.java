package org.runonce.starter.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.runonce.starter.RunOnceProperties;
import org.runonce.starter.security.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The service's OpenAPI document ({@code /api/<service>/v3/api-docs}): titled after the application, versioned by
 * its build, every operation secured by a bearer JWT unless {@code runonce.security.public-paths} opens it, with the
 * conventions of {@link ApiConventions} (unique operation ids, problem responses, the gateway as server).
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class RunOnceOpenApiAutoConfiguration {

    static final String BEARER = "bearer-jwt";

    static {
        // resolved from the token, not a request parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI runOnceOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String title = environment.getProperty("spring.application.name", "RunOnce service");
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info().title(title).version(version))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Keycloak access token of realm runonce")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer runOnceOperationConventions() {
        return ApiConventions.operations();
    }

    @Bean
    OpenApiCustomizer runOnceDocumentConventions(Environment environment, RunOnceProperties properties) {
        String name = environment.getProperty("spring.application.name", "RunOnce service");
        return ApiConventions.document(
                "The API of RunOnce's " + name + ", read through the gateway with a Keycloak access token of realm"
                        + " runonce; errors are RFC 9457 problems.",
                properties.security().publicPaths());
    }
}
