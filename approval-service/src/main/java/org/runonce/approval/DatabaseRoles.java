package org.runonce.approval;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two database roles: Flyway migrates as the owner of the tables ({@code spring.datasource.username}), the service
 * runs as {@code runonce.approval.database.runtime-user}, which owns nothing and holds only the grants
 * {@code R__runtime_role.sql} gives it. So the service's own credentials cannot switch off the guards of the audit
 * trail, the decided cases and the revocations ({@code ALTER TABLE ... DISABLE TRIGGER} needs the owner).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRoles {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    /** The owner's connection, for the migrations only (not pooled: used once at start). */
    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DataSourceProperties owner) {
        return owner.initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class)
                .build();
    }

    /** The service's pool, as the runtime role when one is configured. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties owner, ApprovalProperties properties) {
        var builder = owner.initializeDataSourceBuilder().type(HikariDataSource.class);
        var database = properties.database();
        if (hasRuntimeUser(database)) {
            builder.username(database.runtimeUser()).password(database.runtimePassword());
        } else {
            log.warn("runonce.approval.database.runtime-user is not set: approval runs as the owner of its tables,"
                    + " which can switch off the guards of the audit trail");
        }
        return builder.build();
    }

    @Bean
    FlywayConfigurationCustomizer runtimeRolePlaceholders(ApprovalProperties properties) {
        var database = properties.database();
        return configuration -> configuration.placeholders(Map.of(
                "runtimeUser", hasRuntimeUser(database) ? database.runtimeUser() : "",
                "runtimePassword", database.runtimePassword() == null ? "" : database.runtimePassword(),
                "createRuntimeUser", Boolean.toString(database.createRuntimeUser())));
    }

    private static boolean hasRuntimeUser(ApprovalProperties.Database database) {
        return database.runtimeUser() != null && !database.runtimeUser().isBlank();
    }
}
