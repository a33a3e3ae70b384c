package org.runonce.localstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.runonce.localstack.LocalInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** {@link WithLocalInfrastructure} next to {@code @SpringBootTest}, as the services use it. */
@SpringBootTest(classes = SpringBootHookupIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithLocalInfrastructure
class SpringBootHookupIT {

    @SpringBootConfiguration(proxyBeanMethods = false)
    static class App {}

    @Autowired
    Environment environment;

    @Test
    void databaseIsNamedAfterTheServiceInApplicationProperties() {
        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo(LocalInfrastructure.postgres().jdbcUrl("boot_hookup"));
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(LocalInfrastructure.kafka().bootstrapServers());
        assertThat(environment.getProperty("spring.mail.host")).isNull();
    }
}
