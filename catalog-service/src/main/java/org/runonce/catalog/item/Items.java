package org.runonce.catalog.item;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Items and their versions in PostgreSQL: queried columns relational, guide content as JSONB. */
@Repository
class Items {

    private static final String VERSION_COLUMNS = """
            item_code, version, status, content, valid_from, valid_to, created_at, updated_at, published_at, \
            retired_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Items(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public boolean exists(String code) {
        return jdbc.sql("select count(*) from item where code = ?")
                        .param(code)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Item> find(String code) {
        return load(code, false);
    }

    /** Loads the item and locks it until the transaction ends, so concurrent changes queue up. */
    Optional<Item> findForUpdate(String code) {
        return load(code, true);
    }

    private Optional<Item> load(String code, boolean lock) {
        boolean found = !jdbc.sql("select code from item where code = ?" + (lock ? " for update" : ""))
                .param(code)
                .query(String.class)
                .list()
                .isEmpty();
        if (!found) {
            return Optional.empty();
        }
        List<ItemVersion> versions = jdbc.sql(
                        "select " + VERSION_COLUMNS + " from item_version where item_code = ? order by version")
                .param(code)
                .query(this::version)
                .list();
        return Optional.of(Item.restore(code, versions));
    }

    void add(Item item) {
        jdbc.sql("insert into item (code, created_at) values (?, ?)")
                .params(item.code(), Jdbc.timestamp(item.versions().getFirst().createdAt()))
                .update();
        save(item);
    }

    /**
     * Writes every version. A published version's content columns are never overwritten (the table's trigger would
     * refuse it anyway); only retiring changes its status and end of validity.
     */
    void save(Item item) {
        for (ItemVersion version : item.versions()) {
            GuideContent content = version.content();
            jdbc.sql("""
                            insert into item_version (item_code, version, status, department_code, kind, handling_mode,
                                name_zh, name_en, valid_from, valid_to, content, created_at, updated_at, published_at,
                                retired_at)
                            values (:item, :version, :status, :department, :kind, :mode, :zh, :en, :from, :to,
                                cast(:content as jsonb), :created, :updated, :published, :retired)
                            on conflict (item_code, version) do update set
                                status = excluded.status,
                                valid_to = excluded.valid_to,
                                retired_at = excluded.retired_at,
                                updated_at = excluded.updated_at,
                                department_code = case when item_version.status = 'DRAFT'
                                    then excluded.department_code else item_version.department_code end,
                                kind = case when item_version.status = 'DRAFT'
                                    then excluded.kind else item_version.kind end,
                                handling_mode = case when item_version.status = 'DRAFT'
                                    then excluded.handling_mode else item_version.handling_mode end,
                                name_zh = case when item_version.status = 'DRAFT'
                                    then excluded.name_zh else item_version.name_zh end,
                                name_en = case when item_version.status = 'DRAFT'
                                    then excluded.name_en else item_version.name_en end,
                                valid_from = case when item_version.status = 'DRAFT'
                                    then excluded.valid_from else item_version.valid_from end,
                                published_at = case when item_version.status = 'DRAFT'
                                    then excluded.published_at else item_version.published_at end,
                                content = case when item_version.status = 'DRAFT'
                                    then excluded.content else item_version.content end
                            """)
                    .param("item", item.code())
                    .param("version", version.number())
                    .param("status", version.status().name())
                    .param("department", content.departmentCode())
                    .param(
                            "kind",
                            content.kind() == null ? null : content.kind().name())
                    .param(
                            "mode",
                            content.handlingMode() == null
                                    ? null
                                    : content.handlingMode().name())
                    .param("zh", content.name() == null ? null : content.name().zh())
                    .param("en", content.name() == null ? null : content.name().en())
                    .param("from", version.validFrom().orElse(null))
                    .param("to", version.validTo().orElse(null))
                    .param("content", json.writeValueAsString(content))
                    .param("created", Jdbc.timestamp(version.createdAt()))
                    .param("updated", Jdbc.timestamp(version.updatedAt()))
                    .param("published", Jdbc.timestamp(version.publishedAt().orElse(null)))
                    .param("retired", Jdbc.timestamp(version.retiredAt().orElse(null)))
                    .update();
        }
        List<Integer> kept = item.versions().stream().map(ItemVersion::number).toList();
        jdbc.sql("delete from item_version where item_code = :item and status = 'DRAFT' and not (version = any(:kept))")
                .param("item", item.code())
                .param("kept", kept.toArray(Integer[]::new))
                .update();
    }

    /** The version in force on {@code date} of every item that has one. */
    public List<ItemVersion> inForceOn(LocalDate date) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from item_version where " + IN_FORCE + " order by item_code")
                .param("on", date)
                .query(this::version)
                .list();
    }

    /** Every published version whose validity has not ended before {@code date}, by item and version. */
    List<ItemVersion> currentAndScheduled(LocalDate date) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from item_version where status <> 'DRAFT'"
                        + " and (valid_to is null or valid_to >= :on) and (valid_to is null or valid_to >= valid_from)"
                        + " order by item_code, version")
                .param("on", date)
                .query(this::version)
                .list();
    }

    /** The version in force on {@code date} of the given items, keyed by item code; items without one are absent. */
    public Map<String, ItemVersion> inForceOn(Collection<String> itemCodes, LocalDate date) {
        if (itemCodes.isEmpty()) {
            return Map.of();
        }
        Map<String, ItemVersion> result = new LinkedHashMap<>();
        jdbc.sql("select " + VERSION_COLUMNS + " from item_version where item_code = any(:codes) and " + IN_FORCE)
                .param("codes", itemCodes.toArray(String[]::new))
                .param("on", date)
                .query(this::version)
                .list()
                .forEach(v -> result.put(v.itemCode(), v));
        return result;
    }

    private static final String IN_FORCE =
            "status <> 'DRAFT' and valid_from <= :on and (valid_to is null or valid_to >= :on)";

    /**
     * What a search asks for; every criterion but the day may be null.
     *
     * @param keyword part of the Chinese or English name or of the code, case-insensitive
     * @param department department code
     * @param mode handling mode
     * @param bundle bundle code
     * @param on the day the guides are in force
     */
    record Criteria(String keyword, String department, HandlingMode mode, String bundle, LocalDate on) {}

    /** Items in force on the day matching every given criterion, ordered by code. */
    SearchPage search(Criteria criteria, int page, int size) {
        String keyword = criteria.keyword();
        String department = criteria.department();
        HandlingMode mode = criteria.mode();
        String bundle = criteria.bundle();
        StringBuilder where = new StringBuilder(IN_FORCE);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("on", criteria.on());
        if (keyword != null && !keyword.isBlank()) {
            where.append(" and (name_zh ilike :kw escape '\\' or name_en ilike :kw escape '\\'"
                    + " or item_code ilike :kw escape '\\')");
            params.put("kw", "%" + keyword.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        }
        if (department != null && !department.isBlank()) {
            where.append(" and department_code = :department");
            params.put("department", department);
        }
        if (mode != null) {
            where.append(" and handling_mode = :mode");
            params.put("mode", mode.name());
        }
        if (bundle != null && !bundle.isBlank()) {
            where.append(" and item_code in (select item_code from bundle_item where bundle_code = :bundle)");
            params.put("bundle", bundle);
        }
        long total = jdbc.sql("select count(*) from item_version where " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<ItemVersion> versions = jdbc.sql("select " + VERSION_COLUMNS + " from item_version where " + where
                        + " order by item_code limit :limit offset :offset")
                .params(params)
                .query(this::version)
                .list();
        return new SearchPage(versions, page, size, total);
    }

    /** One page of search results. */
    public record SearchPage(List<ItemVersion> versions, int page, int size, long total) {}

    /** Codes of every item, with or without a published version. */
    public List<String> codes() {
        return new ArrayList<>(jdbc.sql("select code from item order by code")
                .query(String.class)
                .list());
    }

    private ItemVersion version(ResultSet rs, int row) throws SQLException {
        return ItemVersion.restore(new ItemVersion.Row(
                rs.getString("item_code"),
                rs.getInt("version"),
                VersionStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("content"), GuideContent.class),
                Jdbc.date(rs, "valid_from"),
                Jdbc.date(rs, "valid_to"),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"),
                Jdbc.instant(rs, "published_at"),
                Jdbc.instant(rs, "retired_at")));
    }
}
