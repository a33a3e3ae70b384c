package org.runonce.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import org.runonce.localstack.Postgres;

/**
 * Statements the platform sent to PostgreSQL, per database, from {@code pg_stat_statements} (the local stack's
 * PostgreSQL preloads it). Counts every statement a client sent, BEGIN and COMMIT included: close to, and never
 * fewer than, the round trips (pgjdbc sends BEGIN in the same round trip as the statement after it).
 */
final class Statements {

    private final Postgres postgres;
    private final boolean available;

    Statements(Postgres postgres) {
        this.postgres = postgres;
        this.available = enable();
    }

    boolean available() {
        return available;
    }

    /** Database -> statements executed so far; empty when {@code pg_stat_statements} is not loaded. */
    Map<String, Long> sample() {
        Map<String, Long> calls = new TreeMap<>();
        if (!available) {
            return calls;
        }
        try (Connection db = connect();
                ResultSet rows = db.createStatement()
                        .executeQuery("select d.datname, sum(s.calls)::bigint from pg_stat_statements s"
                                + " join pg_database d on d.oid = s.dbid group by d.datname")) {
            while (rows.next()) {
                calls.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_stat_statements", e);
        }
        return calls;
    }

    /** {@code after - before} per database, divided by {@code count}. */
    static Map<String, Double> per(Map<String, Long> before, Map<String, Long> after, long count) {
        Map<String, Double> per = new TreeMap<>();
        after.forEach(
                (database, calls) -> per.put(database, (calls - before.getOrDefault(database, 0L)) / (double) count));
        return per;
    }

    private boolean enable() {
        try (Connection db = connect()) {
            db.createStatement().execute("create extension if not exists pg_stat_statements");
            db.createStatement()
                    .executeQuery("select count(*) from pg_stat_statements")
                    .close();
            return true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements is not available ("
                    + e.getMessage().strip() + "): statements per submission are not reported");
            return false;
        }
    }

    private Connection connect() throws SQLException {
        return postgres.connect("postgres");
    }
}
