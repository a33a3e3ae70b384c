package org.runonce.intake.catalog;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.CrossRegionListPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog copy's tables. Every write keeps the highest version or revision, so applying an event twice, or an
 * older one after a newer one, changes nothing.
 */
@Repository
class CatalogStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Published content never changes; a later copy of it (a snapshot) may only shorten its validity. */
    void apply(ItemVersionPublished published) {
        jdbc.sql("""
                        insert into catalog_item_version (item_code, version, department_code, valid_from, valid_to, content)
                        values (:code, :version, :department, :from, :to, cast(:content as jsonb))
                        on conflict (item_code, version) do update set valid_to = excluded.valid_to
                        where excluded.valid_to is not null
                          and (catalog_item_version.valid_to is null or excluded.valid_to < catalog_item_version.valid_to)
                        """)
                .param("code", published.itemCode())
                .param("version", published.version())
                .param("department", published.departmentCode())
                .param("from", published.validFrom())
                .param("to", published.validTo())
                .param("content", json.writeValueAsString(published))
                .update();
    }

    void apply(ItemVersionRetired retired) {
        jdbc.sql("""
                        update catalog_item_version set valid_to = :to
                        where item_code = :code and version = :version and (valid_to is null or valid_to > :to)
                        """)
                .param("code", retired.itemCode())
                .param("version", retired.version())
                .param("to", retired.validTo())
                .update();
    }

    void apply(BundlePublished bundle) {
        jdbc.sql("""
                        insert into catalog_bundle (code, version, content) values (:code, :version, cast(:content as jsonb))
                        on conflict (code) do update set version = excluded.version, content = excluded.content
                        where catalog_bundle.version < excluded.version
                        """)
                .param("code", bundle.bundleCode())
                .param("version", bundle.version())
                .param("content", json.writeValueAsString(bundle))
                .update();
    }

    void apply(CalendarPublished calendar) {
        jdbc.sql("""
                        insert into catalog_calendar (region, year, revision, demo, holidays, make_up_working_days)
                        values (:region, :year, :revision, :demo, :holidays, :makeUp)
                        on conflict (region, year) do update set revision = excluded.revision, demo = excluded.demo,
                            holidays = excluded.holidays, make_up_working_days = excluded.make_up_working_days
                        where catalog_calendar.revision < excluded.revision
                        """)
                .param("region", calendar.region())
                .param("year", calendar.year())
                .param("revision", calendar.revision())
                .param("demo", calendar.demo())
                .param("holidays", dates(calendar.holidays()))
                .param("makeUp", dates(calendar.makeUpWorkingDays()))
                .update();
    }

    void apply(DepartmentChanged department) {
        jdbc.sql("""
                        insert into catalog_department (code, revision, content) values (:code, :revision, cast(:content as jsonb))
                        on conflict (code) do update set revision = excluded.revision, content = excluded.content
                        where catalog_department.revision < excluded.revision
                        """)
                .param("code", department.code())
                .param("revision", department.revision())
                .param("content", json.writeValueAsString(department))
                .update();
    }

    void apply(CrossRegionListPublished list) {
        jdbc.sql("""
                        insert into catalog_cross_region_list (accepting_region, revision, entries)
                        values (:region, :revision, cast(:entries as jsonb))
                        on conflict (accepting_region) do update set revision = excluded.revision,
                            entries = excluded.entries
                        where catalog_cross_region_list.revision < excluded.revision
                        """)
                .param("region", list.acceptingRegion())
                .param("revision", list.revision())
                .param("entries", json.writeValueAsString(list.entries()))
                .update();
    }

    /** The items a region accepts for others, each with its home regions; empty when it has no list. */
    Map<String, Set<String>> crossRegionList(String acceptingRegion) {
        return jdbc.sql("select entries from catalog_cross_region_list where accepting_region = ?")
                .param(acceptingRegion)
                .query((rs, row) ->
                        List.of(json.readValue(rs.getString("entries"), CrossRegionListPublished.Entry[].class)))
                .optional()
                .map(entries -> {
                    Map<String, Set<String>> accepted = new java.util.HashMap<>();
                    entries.forEach(e -> accepted.put(e.itemCode(), Set.copyOf(e.homeRegions())));
                    return Map.copyOf(accepted);
                })
                .orElse(Map.of());
    }

    /** The region of a department as last announced. */
    Optional<String> regionOf(String departmentCode) {
        return jdbc.sql("select content ->> 'regionCode' from catalog_department where code = ?")
                .param(departmentCode)
                .query(String.class)
                .optional();
    }

    List<ItemGuide> versionsOf(String itemCode) {
        return jdbc.sql("select content, valid_to from catalog_item_version where item_code = ? order by version")
                .param(itemCode)
                .query((rs, row) -> new ItemGuide(
                        json.readValue(rs.getString("content"), ItemVersionPublished.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    Optional<BundleGuide> bundle(String code) {
        return jdbc.sql("select content from catalog_bundle where code = ?")
                .param(code)
                .query((rs, row) -> BundleGuide.of(json.readValue(rs.getString("content"), BundlePublished.class)))
                .optional();
    }

    Optional<Department> department(String code) {
        return jdbc.sql("select content from catalog_department where code = ?")
                .param(code)
                .query((rs, row) -> {
                    DepartmentChanged d = json.readValue(rs.getString("content"), DepartmentChanged.class);
                    return new Department(d.code(), d.name(), d.contact());
                })
                .optional();
    }

    /** Every known year of the region merged into one calendar; Monday to Friday when none is known. */
    WorkingDayCalendar calendar(String region) {
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        jdbc.sql("select year, holidays, make_up_working_days from catalog_calendar where region = ?")
                .param(region)
                .query((ResultSet rs) -> {
                    years.add(rs.getInt("year"));
                    holidays.addAll(dates(rs.getArray("holidays")));
                    makeUp.addAll(dates(rs.getArray("make_up_working_days")));
                });
        return new WorkingDayCalendar(region, years, holidays, makeUp);
    }

    boolean hasItems() {
        return jdbc.sql("select exists (select 1 from catalog_item_version)")
                .query(Boolean.class)
                .single();
    }

    private static Date[] dates(List<LocalDate> dates) {
        return dates.stream().map(Date::valueOf).toArray(Date[]::new);
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> result = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            result.add(value instanceof Date date ? date.toLocalDate() : (LocalDate) value);
        }
        return result;
    }
}
