package org.runonce.localstack.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Creates databases on demand, once each, through an administrative connection. */
public final class Databases {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    /** Opens a connection to a database that always exists, as a user allowed to create databases. */
    @FunctionalInterface
    interface AdminConnection {
        Connection open() throws SQLException;
    }

    private final AdminConnection admin;
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    Databases(AdminConnection admin) {
        this.admin = admin;
    }

    static String requireValidName(String database) {
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a database name the local stack creates: '" + database
                    + "' (use letters, digits, '_' and '-', starting with a letter or '_')");
        }
        return database;
    }

    void ensureExists(String database) {
        requireValidName(database);
        if (existing.contains(database)) {
            return;
        }
        synchronized (this) {
            if (existing.contains(database)) {
                return;
            }
            try (Connection connection = admin.open()) {
                if (!exists(connection, database)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + database + "\"");
                    } catch (SQLException e) {
                        if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // created meanwhile by another client
                            throw e;
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database '" + database + "': " + e.getMessage(), e);
            }
            existing.add(database);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
