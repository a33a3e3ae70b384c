package org.runonce.intake;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's settings and its clock (tests replace the clock to move time instead of waiting). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(IntakeProperties properties) {
        return Clock.system(properties.zone());
    }
}
