package org.runonce.catalog.bundle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.runonce.catalog.Bilingual;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Bundles in PostgreSQL, with a membership table for searching items by bundle. */
@Repository
class Bundles {

    private static final TypeReference<List<BundleItem>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Bundles(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Bundle> all() {
        return jdbc.sql("select * from bundle order by code")
                .query(this::bundle)
                .list();
    }

    public Optional<Bundle> find(String code) {
        return jdbc.sql("select * from bundle where code = ?")
                .param(code)
                .query(this::bundle)
                .optional();
    }

    Optional<Bundle> findForUpdate(String code) {
        return jdbc.sql("select * from bundle where code = ? for update")
                .param(code)
                .query(this::bundle)
                .optional();
    }

    void save(Bundle bundle) {
        jdbc.sql("""
                        insert into bundle (code, version, name_zh, name_en, description, items, published_at)
                        values (:code, :version, :zh, :en, :description, cast(:items as jsonb), :published)
                        on conflict (code) do update set version = excluded.version, name_zh = excluded.name_zh,
                            name_en = excluded.name_en, description = excluded.description, items = excluded.items,
                            published_at = excluded.published_at
                        """)
                .param("code", bundle.code())
                .param("version", bundle.version())
                .param("zh", bundle.name().zh())
                .param("en", bundle.name().en())
                .param("description", bundle.description())
                .param("items", json.writeValueAsString(bundle.items()))
                .param("published", Jdbc.timestamp(bundle.publishedAt()))
                .update();
        jdbc.sql("delete from bundle_item where bundle_code = ?")
                .param(bundle.code())
                .update();
        List<String> order = bundle.topologicalOrder();
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("insert into bundle_item (bundle_code, item_code, position) values (?, ?, ?)")
                    .params(bundle.code(), order.get(i), i)
                    .update();
        }
    }

    private Bundle bundle(ResultSet rs, int row) throws SQLException {
        return Bundle.restore(
                rs.getString("code"),
                Bilingual.name(rs.getString("name_zh"), rs.getString("name_en")),
                rs.getString("description"),
                json.readValue(rs.getString("items"), ITEMS),
                rs.getInt("version"),
                Jdbc.instant(rs, "published_at"));
    }
}
