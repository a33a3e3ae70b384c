package org.runonce.localstack.postgres;

import java.sql.DriverManager;
import org.runonce.localstack.Postgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers container, for machines with a Docker engine. */
public final class ContainerPostgres implements Postgres {

    static final String IMAGE = "postgres:17-alpine";

    private final PostgreSQLContainer container;
    private final Databases databases;

    private ContainerPostgres(PostgreSQLContainer container) {
        this.container = container;
        this.databases = new Databases(() -> DriverManager.getConnection(url("postgres"), USERNAME, PASSWORD));
    }

    public static ContainerPostgres launch() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withUsername(USERNAME)
                .withPassword(PASSWORD)
                .withDatabaseName("postgres");
        container.start();
        return new ContainerPostgres(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    @Override
    public String jdbcUrl(String database) {
        databases.ensureExists(database);
        return url(database);
    }

    private String url(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    public void stop() {
        container.stop();
    }

    @Override
    public String toString() {
        return "PostgreSQL container " + IMAGE + " on " + host() + ":" + port();
    }
}
