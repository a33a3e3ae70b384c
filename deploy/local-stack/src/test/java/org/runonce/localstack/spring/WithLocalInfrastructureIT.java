package org.runonce.localstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.LocalInfrastructure;
import org.runonce.localstack.RunonceHome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A Spring test context pointed at the shared servers by {@link WithLocalInfrastructure}. */
@SpringJUnitConfig(WithLocalInfrastructureIT.Config.class)
@WithLocalInfrastructure(database = "hookup", smtp = true)
@TestPropertySource(properties = "spring.datasource.username=inlined-wins")
class WithLocalInfrastructureIT {

    @Configuration(proxyBeanMethods = false)
    static class Config {}

    @Autowired
    Environment environment;

    @Test
    void datasourcePropertiesPointAtTheCreatedDatabase() throws Exception {
        String url = environment.getRequiredProperty("spring.datasource.url");
        assertThat(url).isEqualTo(LocalInfrastructure.postgres().jdbcUrl("hookup"));
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("runonce");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("inlined-wins");

        try (Connection connection = DriverManager.getConnection(url, "runonce", "runonce");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("hookup");
        }
    }

    @Test
    void kafkaAndMailPropertiesPointAtTheSharedServers() {
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(LocalInfrastructure.kafka().bootstrapServers());
        LocalInfrastructure.kafka().createTopic("runonce.hookup." + UUID.randomUUID(), 1);

        assertThat(environment.getProperty("spring.mail.host"))
                .isEqualTo(LocalInfrastructure.smtp().host());
        assertThat(environment.getProperty("spring.mail.port", Integer.class))
                .isEqualTo(LocalInfrastructure.smtp().port());
    }

    @Test
    void throwawayDataLivesUnderRunonceHome() {
        if (LocalInfrastructure.mode() == LocalInfrastructure.Mode.EMBEDDED) {
            assertThat(LocalInfrastructure.directory()).startsWith(RunonceHome.testDirectory());
            assertThat(LocalInfrastructure.directory().resolve("postgres")).isDirectory();
            assertThat(LocalInfrastructure.directory().resolve("kafka")).isDirectory();
        }
    }
}
