package org.runonce.approval.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Approval's copy of the catalog. Every catalog event carries full state with a version or revision, so applying one
 * twice, or an older one after a newer one, leaves the copy as it was.
 */
@Service
public class CatalogCopy {

    private static final Logger log = LoggerFactory.getLogger(CatalogCopy.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Time time;
    private final ApplicationEventPublisher publisher;
    private final Map<String, ItemVersionPublished> versions = new ConcurrentHashMap<>();

    /** Calendars read, per region, with the revision of every year they hold. */
    private final Map<String, KnownCalendar> calendars = new ConcurrentHashMap<>();

    /** The revisions announced per region and year: a calendar read with an older one is not kept. */
    private final Map<String, Map<Integer, Integer>> announced = new ConcurrentHashMap<>();

    private record KnownCalendar(WorkingDayCalendar calendar, Map<Integer, Integer> revisions) {}

    CatalogCopy(JdbcClient jdbc, JsonMapper json, Time time, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.publisher = publisher;
    }

    /**
     * A catalog event seen by this instance, whichever instance keeps the copy from it (the copy's consumer group
     * gives each event to one instance): a calendar announced with a newer revision is read again at its next use.
     */
    public void announced(CloudEvent<JsonNode> event) {
        if (CalendarPublished.TYPE.equals(event.type())) {
            var calendar = json.treeToValue(event.data(), CalendarPublished.class);
            announce(calendar.region(), calendar.year(), calendar.revision());
        }
    }

    private void announce(String region, int year, int revision) {
        announced.computeIfAbsent(region, r -> new ConcurrentHashMap<>()).merge(year, revision, Math::max);
    }

    /** Whether a calendar read holds every revision announced for its region (else it is not kept). */
    private boolean current(String region, KnownCalendar known) {
        var expected = announced.get(region);
        return expected == null
                || expected.entrySet().stream()
                        .allMatch(e -> known.revisions().getOrDefault(e.getKey(), 0) >= e.getValue());
    }

    /** Applies one catalog event; unknown types are ignored (new ones must not break the copy). */
    @Transactional
    public void apply(CloudEvent<JsonNode> event) {
        switch (event.type()) {
            case ItemVersionPublished.TYPE -> published(json.treeToValue(event.data(), ItemVersionPublished.class));
            case ItemVersionRetired.TYPE -> retired(json.treeToValue(event.data(), ItemVersionRetired.class));
            case CalendarPublished.TYPE -> calendar(json.treeToValue(event.data(), CalendarPublished.class));
            case DepartmentChanged.TYPE -> department(json.treeToValue(event.data(), DepartmentChanged.class));
            default -> log.debug("catalog event {} not kept in approval's copy", event.type());
        }
    }

    void published(ItemVersionPublished version) {
        jdbc.sql("""
                        insert into catalog_item_version
                            (item_code, version, department_code, handling_mode, valid_from, valid_to, content, received_at)
                        values (:code, :version, :department, :mode, :from, :to, cast(:content as jsonb), :now)
                        on conflict (item_code, version) do nothing""")
                .param("code", version.itemCode())
                .param("version", version.version())
                .param("department", version.departmentCode())
                .param("mode", version.handlingMode())
                .param("from", version.validFrom())
                .param("to", version.validTo())
                .param("content", json.writeValueAsString(version))
                .param("now", Jdbc.timestamp(time.now()))
                .update();
    }

    void retired(ItemVersionRetired retired) {
        // validity only ever shortens
        jdbc.sql("""
                        update catalog_item_version set valid_to = :to
                        where item_code = :code and version = :version and (valid_to is null or valid_to > :to)""")
                .param("code", retired.itemCode())
                .param("version", retired.version())
                .param("to", retired.validTo())
                .update();
    }

    void calendar(CalendarPublished calendar) {
        announce(calendar.region(), calendar.year(), calendar.revision());
        int changed = jdbc.sql("""
                        insert into catalog_calendar (region, year, revision, holidays, make_up_working_days, received_at)
                        values (:region, :year, :revision, cast(:holidays as date[]), cast(:makeUp as date[]), :now)
                        on conflict (region, year) do update
                            set revision = excluded.revision, holidays = excluded.holidays,
                                make_up_working_days = excluded.make_up_working_days, received_at = excluded.received_at
                            where catalog_calendar.revision < excluded.revision""")
                .param("region", calendar.region())
                .param("year", calendar.year())
                .param("revision", calendar.revision())
                .param("holidays", pgArray(calendar.holidays()))
                .param("makeUp", pgArray(calendar.makeUpWorkingDays()))
                .param("now", Jdbc.timestamp(time.now()))
                .update();
        if (changed > 0) {
            publisher.publishEvent(new CalendarChanged(calendar.region(), calendar.year()));
        }
    }

    void department(DepartmentChanged department) {
        jdbc.sql("""
                        insert into catalog_department (code, revision, region_code, name_zh, name_en, received_at)
                        values (:code, :revision, :region, :zh, :en, :now)
                        on conflict (code) do update
                            set revision = excluded.revision, region_code = excluded.region_code,
                                name_zh = excluded.name_zh, name_en = excluded.name_en, received_at = excluded.received_at
                            where catalog_department.revision < excluded.revision""")
                .param("code", department.code())
                .param("revision", department.revision())
                .param("region", department.regionCode())
                .param("zh", department.name().zh())
                .param("en", department.name().en())
                .param("now", Jdbc.timestamp(time.now()))
                .update();
    }

    /**
     * A published item version as the catalog announced it. Kept in memory once read: a version's content never
     * changes (a second announcement of it is ignored, a retirement changes only {@code valid_to}), and the catalog
     * has a few hundred of them.
     */
    public Optional<ItemVersionPublished> itemVersion(String itemCode, int version) {
        String key = itemCode + "@" + version;
        var known = versions.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        var read = jdbc.sql("select content from catalog_item_version where item_code = ? and version = ?")
                .params(itemCode, version)
                .query((rs, n) -> json.readValue(rs.getString("content"), ItemVersionPublished.class))
                .optional();
        read.ifPresent(v -> versions.put(key, v));
        return read;
    }

    /** The version of an item in force on a day. */
    public Optional<ItemVersionPublished> inForce(String itemCode, LocalDate day) {
        return jdbc.sql("""
                        select content from catalog_item_version
                        where item_code = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)
                        order by version desc limit 1""")
                .params(itemCode, day, day)
                .query((rs, n) -> json.readValue(rs.getString("content"), ItemVersionPublished.class))
                .optional();
    }

    /**
     * The region's working-day calendar over every year the copy knows; Monday to Friday where it knows none (then
     * {@link WorkingDayCalendar#covers} is false). Kept in memory once read: a calendar changes only through a
     * {@code calendar.published} event with a higher revision, which every instance sees ({@link #announced}); a
     * calendar read with an older revision than announced (the copy not yet committed) is used but not kept.
     */
    public WorkingDayCalendar calendar(String region) {
        WorkingDayCalendar own = regionCalendar(region);
        if (!own.years().isEmpty() || region.length() < 6) {
            return own;
        }
        // a region without a calendar of its own (a county, a township's county) follows its city's, else its
        // province's, as intake's copy does
        String county = region.substring(0, 6);
        for (String wider : List.of(county, county.substring(0, 4) + "00", county.substring(0, 2) + "0000")) {
            if (!wider.equals(region)) {
                WorkingDayCalendar calendar = regionCalendar(wider);
                if (!calendar.years().isEmpty()) {
                    return calendar;
                }
            }
        }
        return own;
    }

    private WorkingDayCalendar regionCalendar(String region) {
        var known = calendars.get(region);
        if (known != null && current(region, known)) {
            return known.calendar();
        }
        Set<Integer> years = new HashSet<>();
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> makeUp = new HashSet<>();
        Map<Integer, Integer> revisions = new HashMap<>();
        jdbc.sql("select year, revision, holidays, make_up_working_days from catalog_calendar where region = ?")
                .param(region)
                .query(rs -> {
                    years.add(rs.getInt("year"));
                    revisions.put(rs.getInt("year"), rs.getInt("revision"));
                    holidays.addAll(dates(rs.getArray("holidays")));
                    makeUp.addAll(dates(rs.getArray("make_up_working_days")));
                });
        var read = new KnownCalendar(new WorkingDayCalendar(region, years, holidays, makeUp), Map.copyOf(revisions));
        if (current(region, read)) {
            calendars.put(region, read);
        }
        return read.calendar();
    }

    /** The region a department belongs to, if the copy knows the department. */
    public Optional<String> regionOf(String departmentCode) {
        return jdbc.sql("select region_code from catalog_department where code = ?")
                .param(departmentCode)
                .query(String.class)
                .optional();
    }

    /** A department's name, if the copy knows the department. */
    public Optional<Name> departmentName(String departmentCode) {
        return jdbc.sql("select name_zh, name_en from catalog_department where code = ?")
                .param(departmentCode)
                .query((rs, row) -> new Name(rs.getString("name_zh"), rs.getString("name_en")))
                .optional();
    }

    /** Item codes of a department with handling mode IMMEDIATE in some known version. */
    public List<String> immediateItems(String departmentCode) {
        return jdbc.sql("""
                        select distinct item_code from catalog_item_version
                        where department_code = ? and handling_mode = 'IMMEDIATE' order by item_code""").param(departmentCode).query(String.class).list();
    }

    private static String pgArray(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values)
                .map(v -> v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v)
                .toList();
    }
}
