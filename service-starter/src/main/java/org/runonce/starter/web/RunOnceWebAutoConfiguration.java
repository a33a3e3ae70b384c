package org.runonce.starter.web;

import org.runonce.starter.RunOnceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.json.JsonMapper;

/** Request ids, request body limits and RFC 9457 problems, in the caller's language, for every response. */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RunOnceWebAutoConfiguration {

    /** First filter of all, so that even a 401 from the security filters carries the request id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the request id: a body over the limit is refused before security or MVC read any of it. */
    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(RunOnceProperties properties, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.web().maxBodySize(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Accept-Language among zh-CN and en, English by default; Spring MVC (and Bean Validation's messages) use it. */
    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return ProblemMessages.localeResolver();
    }

    /** The problem types' catalogue: the service's messages first, then the starter's. */
    @Bean
    @ConditionalOnMissingBean
    ProblemMessages problemMessages(MessageSource messageSource, LocaleResolver localeResolver) {
        return new ProblemMessages(messageSource, localeResolver);
    }

    /** Every problem Spring MVC writes goes through the one localisation step. */
    @Bean
    ProblemLanguageAdvice problemLanguageAdvice() {
        return new ProblemLanguageAdvice();
    }

    /** Replaces Boot's plain problem-details handler (it backs off when one exists). */
    @Bean
    @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
