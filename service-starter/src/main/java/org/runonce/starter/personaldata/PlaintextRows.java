package org.runonce.starter.personaldata;

import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Encrypts values a service stored before it encrypted them. A Flyway migration cannot (the key is not in the
 * database), so services call this at every start: the rows {@code where} selects, {@value #BATCH} at a time, each
 * compared-and-set on its old value and {@code where} again, so that a concurrent change is never overwritten (that
 * row is taken at the next start). A row leaves the selection once encrypted; a batch that changes nothing ends it.
 */
public final class PlaintextRows {

    private static final int BATCH = 200;

    /**
     * Which rows: {@code where} (SQL) selects them in {@code table}; {@code column} is text, or jsonb ({@code jsonb});
     * {@code alsoSet} (SQL or null) marks a row done. All are the caller's constants, never input.
     */
    public record Column(String table, String key, String column, boolean jsonb, String where, String alsoSet) {

        /** A text column whose values are plaintext until they start with the cipher's prefix. */
        public static Column text(String table, String key, String column) {
            return new Column(
                    table, key, column, false, column + " is not null and " + column + " not like 'pd1:%'", null);
        }
    }

    private PlaintextRows() {}

    /**
     * Replaces each selected row's value with {@code encrypt} of it.
     *
     * @return how many rows were encrypted
     */
    public static int encrypt(JdbcClient jdbc, Column rows, UnaryOperator<String> encrypt) {
        String value = rows.jsonb() ? "cast(? as jsonb)" : "?";
        String select = "select " + rows.key() + ", " + rows.column() + "::text from " + rows.table() + " where "
                + rows.where() + " limit " + BATCH;
        String update = "update " + rows.table() + " set " + rows.column() + " = " + value
                + (rows.alsoSet() == null ? "" : ", " + rows.alsoSet()) + " where " + rows.key() + " = ? and "
                + rows.column() + " = " + value + " and (" + rows.where() + ")";
        int encrypted = 0;
        while (true) {
            record Row(Object key, String value) {}
            List<Row> batch = jdbc.sql(select)
                    .query((rs, n) -> new Row(rs.getObject(1), rs.getString(2)))
                    .list();
            int done = 0;
            for (Row row : batch) {
                done += jdbc.sql(update)
                        .params(encrypt.apply(row.value()), row.key(), row.value())
                        .update();
            }
            encrypted += done;
            if (batch.size() < BATCH || done == 0) {
                return encrypted;
            }
        }
    }
}
