package org.runonce.catalog.entry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded hall-entry changes in PostgreSQL (append-only: the table's trigger refuses updates and deletes). */
@Repository
class HallEntries {

    private final JdbcClient jdbc;

    HallEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The item's history, locking the item row until the transaction ends so concurrent changes of one item queue up
     * (its revisions stay gap-free); false when there is no such item.
     */
    boolean lockItem(String itemCode) {
        return !jdbc.sql("select code from item where code = ? for update")
                .param(itemCode)
                .query(String.class)
                .list()
                .isEmpty();
    }

    HallEntry find(String itemCode) {
        return HallEntry.of(
                itemCode,
                jdbc.sql("select * from item_hall_entry where item_code = ? order by revision")
                        .param(itemCode)
                        .query(this::change)
                        .list());
    }

    void add(HallEntryChange change) {
        jdbc.sql("""
                        insert into item_hall_entry (item_code, revision, entered, since, reason, changed_by,
                            changed_at)
                        values (:item, :revision, :entered, :since, :reason, :by, :at)
                        """)
                .param("item", change.itemCode())
                .param("revision", change.revision())
                .param("entered", change.entered())
                .param("since", change.since())
                .param("reason", change.reason())
                .param("by", change.changedBy())
                .param("at", Jdbc.timestamp(change.changedAt()))
                .update();
    }

    /** Items handled in the hall on {@code day}: whose last change holding by then says so. */
    Set<String> enteredOn(LocalDate day) {
        return new HashSet<>(jdbc.sql("""
                        select item_code from (
                            select distinct on (item_code) item_code, entered from item_hall_entry
                            where since <= :day order by item_code, revision desc) latest
                        where entered
                        """).param("day", day).query(String.class).list());
    }

    /** Items with at least one recorded change. */
    Set<String> recorded() {
        return new HashSet<>(jdbc.sql("select distinct item_code from item_hall_entry")
                .query(String.class)
                .list());
    }

    private HallEntryChange change(ResultSet rs, int row) throws SQLException {
        return new HallEntryChange(
                rs.getString("item_code"),
                rs.getInt("revision"),
                rs.getBoolean("entered"),
                Jdbc.date(rs, "since"),
                rs.getString("reason"),
                rs.getString("changed_by"),
                Jdbc.instant(rs, "changed_at"));
    }
}
