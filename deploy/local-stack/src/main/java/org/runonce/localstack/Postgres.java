package org.runonce.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.runonce.localstack.postgres.ContainerPostgres;
import org.runonce.localstack.postgres.EmbeddedPostgres;

/**
 * A running PostgreSQL server that hands out one database per service, with the local demo credentials
 * {@value #USERNAME}/{@value #PASSWORD}. Embedded binaries by default, a container where Docker is used.
 */
public interface Postgres extends AutoCloseable {

    /** User name of the local demo setup; the user is a superuser of the server. */
    String USERNAME = "runonce";

    /** Password of the local demo setup. */
    String PASSWORD = "runonce";

    /** Host name clients connect to. */
    String host();

    /** Port clients connect to. */
    int port();

    /**
     * JDBC URL of {@code database}, created (owned by {@link #username()}) if it does not exist yet.
     *
     * @param database letters, digits, {@code _} and {@code -}; e.g. {@code catalog}
     */
    String jdbcUrl(String database);

    default String username() {
        return USERNAME;
    }

    default String password() {
        return PASSWORD;
    }

    /** A connection to {@code database} as {@link #username()}, for tests and benchmarks that look inside. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** Stops the server; throwaway data is deleted, persistent data is kept. Idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }

    /** Builder of a PostgreSQL server run from binaries on Maven Central, without Docker. */
    static EmbeddedPostgres.Builder embedded() {
        return new EmbeddedPostgres.Builder();
    }

    /** Starts PostgreSQL in a Testcontainers container; needs a Docker engine. */
    static Postgres container() {
        return ContainerPostgres.launch();
    }
}
