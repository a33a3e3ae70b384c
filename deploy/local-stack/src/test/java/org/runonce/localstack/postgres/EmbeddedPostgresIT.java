package org.runonce.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runonce.localstack.Postgres;

/** Boots real PostgreSQL from the embedded binaries. */
public class EmbeddedPostgresIT {

    @TempDir
    Path directory;

    @Test
    void createsDatabasesOnDemandForTheDemoUser() throws SQLException {
        Path data;
        try (EmbeddedPostgres postgres = Postgres.embedded().start()) {
            data = postgres.dataDirectory();
            String url = postgres.jdbcUrl("orders");
            assertThat(url).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/orders");
            assertThat(postgres.jdbcUrl("orders")).isEqualTo(url); // asking again is fine

            try (Connection connection = DriverManager.getConnection(url, "runonce", "runonce");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(
                            "SELECT current_database(), current_user, current_setting('server_version_num')")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("orders");
                assertThat(result.getString(2)).isEqualTo("runonce");
                assertThat(result.getInt(3)).isGreaterThanOrEqualTo(170_000);
            }
            assertThat(queryString(postgres.jdbcUrl("catalog-service"), "SELECT current_database()"))
                    .isEqualTo("catalog-service");
        }
        assertThat(data).doesNotExist(); // throwaway by default
    }

    @Test
    void persistentDataSurvivesStopAndStart() throws SQLException {
        Path data = directory.resolve("postgres");
        try (Postgres postgres =
                Postgres.embedded().dataDirectory(data).persistent(true).start()) {
            execute(postgres.jdbcUrl("intake"), "CREATE TABLE note (text varchar(100))");
            execute(postgres.jdbcUrl("intake"), "INSERT INTO note VALUES ('一次办成')");
        }
        assertThat(data.resolve("PG_VERSION")).exists();

        try (Postgres postgres =
                Postgres.embedded().dataDirectory(data).persistent(true).start()) {
            assertThat(queryString(postgres.jdbcUrl("intake"), "SELECT text FROM note"))
                    .isEqualTo("一次办成");
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void busyPortIsReportedByNumber() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Postgres.embedded()
                            .port(busy.getLocalPort())
                            .dataDirectory(directory.resolve("postgres"))
                            .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "PostgreSQL cannot start: port " + busy.getLocalPort() + " is already in use");
        }
    }

    public static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, Postgres.USERNAME, Postgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static String queryString(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, Postgres.USERNAME, Postgres.PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }
}
