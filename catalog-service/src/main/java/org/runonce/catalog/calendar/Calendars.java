package org.runonce.catalog.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Region calendars in PostgreSQL, one row per region and year. */
@Repository
class Calendars {

    private static final TypeReference<List<Festival>> FESTIVALS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Calendars(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RegionCalendar> all() {
        return jdbc.sql("select * from calendar order by region, year")
                .query(this::calendar)
                .list();
    }

    public List<RegionCalendar> ofRegion(String region) {
        return jdbc.sql("select * from calendar where region = ? order by year")
                .param(region)
                .query(this::calendar)
                .list();
    }

    public Optional<RegionCalendar> find(String region, int year) {
        return jdbc.sql("select * from calendar where region = ? and year = ?")
                .params(region, year)
                .query(this::calendar)
                .optional();
    }

    Optional<RegionCalendar> findForUpdate(String region, int year) {
        return jdbc.sql("select * from calendar where region = ? and year = ? for update")
                .params(region, year)
                .query(this::calendar)
                .optional();
    }

    /** Working-day arithmetic over every year known for the region; weekdays only when none is. */
    public WorkingDayCalendar workingDays(String region) {
        return RegionCalendar.combine(region, ofRegion(region));
    }

    void save(RegionCalendar calendar) {
        jdbc.sql("""
                        insert into calendar (region, year, festivals, demo, revision, published_at)
                        values (:region, :year, cast(:festivals as jsonb), :demo, :revision, :published)
                        on conflict (region, year) do update set festivals = excluded.festivals,
                            demo = excluded.demo, revision = excluded.revision, published_at = excluded.published_at
                        """)
                .param("region", calendar.region())
                .param("year", calendar.year())
                .param("festivals", json.writeValueAsString(calendar.festivals()))
                .param("demo", calendar.demo())
                .param("revision", calendar.revision())
                .param("published", Jdbc.timestamp(calendar.publishedAt()))
                .update();
    }

    private RegionCalendar calendar(ResultSet rs, int row) throws SQLException {
        return RegionCalendar.restore(
                rs.getString("region"),
                rs.getInt("year"),
                json.readValue(rs.getString("festivals"), FESTIVALS),
                rs.getBoolean("demo"),
                rs.getInt("revision"),
                Jdbc.instant(rs, "published_at"));
    }
}
