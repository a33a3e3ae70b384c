package org.runonce.catalog.crossregion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cross-region lists in PostgreSQL, one row per accepting region. */
@Repository
class CrossRegionLists {

    private static final TypeReference<List<CrossRegionList.Entry>> ENTRIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CrossRegionLists(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<CrossRegionList> all() {
        return jdbc.sql("select * from cross_region_list order by accepting_region")
                .query(this::list)
                .list();
    }

    Optional<CrossRegionList> find(String region) {
        return jdbc.sql("select * from cross_region_list where accepting_region = ?")
                .param(region)
                .query(this::list)
                .optional();
    }

    Optional<CrossRegionList> findForUpdate(String region) {
        return jdbc.sql("select * from cross_region_list where accepting_region = ? for update")
                .param(region)
                .query(this::list)
                .optional();
    }

    /** The regions of the departments of an item's published versions (empty: no item with a published guide). */
    Set<String> homeRegionsOf(String itemCode) {
        return new TreeSet<>(jdbc.sql("""
                        select distinct d.region_code from item_version v join department d on d.code = v.department_code
                        where v.item_code = ? and v.status <> 'DRAFT'""").param(itemCode).query(String.class).list());
    }

    void save(CrossRegionList list) {
        jdbc.sql("""
                        insert into cross_region_list (accepting_region, revision, entries, changed_by, published_at)
                        values (:region, :revision, cast(:entries as jsonb), :by, :at)
                        on conflict (accepting_region) do update set revision = excluded.revision,
                            entries = excluded.entries, changed_by = excluded.changed_by,
                            published_at = excluded.published_at
                        """)
                .param("region", list.acceptingRegion())
                .param("revision", list.revision())
                .param("entries", json.writeValueAsString(list.entries()))
                .param("by", list.changedBy())
                .param("at", Jdbc.timestamp(list.publishedAt()))
                .update();
    }

    private CrossRegionList list(ResultSet rs, int row) throws SQLException {
        return new CrossRegionList(
                rs.getString("accepting_region"),
                rs.getInt("revision"),
                json.readValue(rs.getString("entries"), ENTRIES),
                rs.getString("changed_by"),
                Jdbc.instant(rs, "published_at"));
    }
}
