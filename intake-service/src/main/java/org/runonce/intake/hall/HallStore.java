package org.runonce.intake.hall;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runonce.starter.jdbc.Jdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The hall's tables: service points and categories, slot counters, appointments, ticket counters and tickets. */
@Repository
class HallStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HallStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- service points -----------------------------------------------------------------------------------------

    /** Points whose region code starts with {@code regionPrefix} (all for an empty prefix), by code. */
    List<ServicePoint> points(String regionPrefix) {
        Map<String, List<Category>> categories = new HashMap<>();
        jdbc.sql("""
                        select c.* from hall_window_category c join hall_service_point p on p.code = c.service_point_code
                        where p.region like :prefix order by c.service_point_code, c.category
                        """).param("prefix", regionPrefix + "%").query((ResultSet rs) -> {
            categories
                    .computeIfAbsent(rs.getString("service_point_code"), k -> new ArrayList<>())
                    .add(category(rs));
        });
        return jdbc.sql("select * from hall_service_point where region like :prefix order by code")
                .param("prefix", regionPrefix + "%")
                .query((rs, row) -> point(rs, categories.getOrDefault(rs.getString("code"), List.of())))
                .list();
    }

    Optional<ServicePoint> point(String code) {
        List<Category> categories = jdbc.sql(
                        "select * from hall_window_category where service_point_code = ? order by category")
                .param(code)
                .query((rs, row) -> category(rs))
                .list();
        return jdbc.sql("select * from hall_service_point where code = ?")
                .param(code)
                .query((rs, row) -> point(rs, categories))
                .optional();
    }

    private ServicePoint point(ResultSet rs, List<Category> categories) throws SQLException {
        return new ServicePoint(
                rs.getString("code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                Level.valueOf(rs.getString("level")),
                rs.getString("region"),
                rs.getString("parent_code"),
                rs.getString("address"),
                rs.getInt("slot_minutes"),
                json.readValue(rs.getString("hours"), OpeningHours.class),
                categories);
    }

    private static Category category(ResultSet rs) throws SQLException {
        return new Category(
                rs.getString("category"),
                rs.getString("prefix"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getInt("windows"),
                rs.getInt("capacity_per_slot"),
                strings(rs.getArray("items")),
                strings(rs.getArray("bundles")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    // ---- slots --------------------------------------------------------------------------------------------------

    /**
     * Counts one booking against the slot's capacity: creates the slot's row with the category's capacity or adds one
     * while below it. The row lock serializes concurrent bookings of the slot; false when it is full.
     */
    boolean take(String point, String category, LocalDate day, LocalTime starts, int capacity) {
        return jdbc.sql("""
                        insert into hall_slot (service_point_code, category, day, starts, capacity, booked)
                        values (:point, :category, :day, :starts, :capacity, 1)
                        on conflict (service_point_code, category, day, starts)
                            do update set booked = hall_slot.booked + 1 where hall_slot.booked < hall_slot.capacity
                        returning booked
                        """)
                .param("point", point)
                .param("category", category)
                .param("day", day)
                .param("starts", starts)
                .param("capacity", capacity)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    void release(String point, String category, LocalDate day, LocalTime starts) {
        jdbc.sql("""
                        update hall_slot set booked = booked - 1
                        where service_point_code = ? and category = ? and day = ? and starts = ? and booked > 0
                        """).params(point, category, day, starts).update();
    }

    /** Bookings per day and start time of a category in {@code [from, to]}. */
    Map<LocalDate, Map<LocalTime, Integer>> booked(String point, String category, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<LocalTime, Integer>> booked = new HashMap<>();
        jdbc.sql("""
                        select day, starts, booked from hall_slot
                        where service_point_code = ? and category = ? and day between ? and ?
                        """).params(point, category, from, to).query((ResultSet rs) -> {
            booked.computeIfAbsent(Jdbc.date(rs, "day"), d -> new HashMap<>())
                    .put(rs.getObject("starts", LocalTime.class), rs.getInt("booked"));
        });
        return booked;
    }

    // ---- appointments -------------------------------------------------------------------------------------------

    /** Inserts a booked appointment; false when the applicant already holds one for the matter or the slot. */
    boolean insert(Appointment a) {
        return jdbc.sql("""
                                insert into hall_appointment (id, service_point_code, category, item_code, bundle_code,
                                    applicant_subject, applicant_name, day, starts, ends, ends_at, status, booked_at)
                                values (:id, :point, :category, :item, :bundle, :subject, :name, :day, :starts, :ends,
                                    :endsAt, 'BOOKED', :bookedAt)
                                on conflict do nothing
                                """)
                        .param("id", a.id())
                        .param("point", a.servicePointCode())
                        .param("category", a.category())
                        .param("item", a.itemCode())
                        .param("bundle", a.bundleCode())
                        .param("subject", a.applicantSubject())
                        .param("name", a.applicantName())
                        .param("day", a.day())
                        .param("starts", a.starts())
                        .param("ends", a.ends())
                        .param("endsAt", Jdbc.timestamp(a.endsAt()))
                        .param("bookedAt", Jdbc.timestamp(a.bookedAt()))
                        .update()
                == 1;
    }

    /** The applicant's booked appointment standing in the way of a booking, if any. */
    Optional<Appointment> blocking(String subject, Matter matter, LocalDate day, LocalTime starts) {
        return jdbc.sql("""
                        select * from hall_appointment where applicant_subject = :subject and status = 'BOOKED'
                        and ((coalesce(item_code, '') = :item and coalesce(bundle_code, '') = :bundle)
                             or (day = :day and starts = :starts))
                        limit 1
                        """)
                .param("subject", subject)
                .param("item", matter.itemCode() == null ? "" : matter.itemCode())
                .param("bundle", matter.bundleCode() == null ? "" : matter.bundleCode())
                .param("day", day)
                .param("starts", starts)
                .query(HallStore::appointment)
                .optional();
    }

    Optional<Appointment> appointment(UUID id) {
        return jdbc.sql("select * from hall_appointment where id = ?")
                .param(id)
                .query(HallStore::appointment)
                .optional();
    }

    Optional<Appointment> appointmentForUpdate(UUID id) {
        return jdbc.sql("select * from hall_appointment where id = ? for update")
                .param(id)
                .query(HallStore::appointment)
                .optional();
    }

    List<Appointment> appointmentsOf(String subject) {
        return jdbc.sql("select * from hall_appointment where applicant_subject = ? order by day desc, starts desc")
                .param(subject)
                .query(HallStore::appointment)
                .list();
    }

    List<Appointment> appointmentsAt(String point, LocalDate day) {
        return jdbc.sql(
                        "select * from hall_appointment where service_point_code = ? and day = ? order by starts, booked_at")
                .params(point, day)
                .query(HallStore::appointment)
                .list();
    }

    void cancel(UUID id, Instant at) {
        jdbc.sql("update hall_appointment set status = 'CANCELLED', cancelled_at = ? where id = ?")
                .params(Jdbc.timestamp(at), id)
                .update();
    }

    /** Moves a booked appointment to another slot; false when the applicant holds another one there. */
    boolean move(UUID id, LocalDate day, LocalTime starts, LocalTime ends, Instant endsAt) {
        return jdbc.sql("""
                                update hall_appointment set day = :day, starts = :starts, ends = :ends, ends_at = :endsAt,
                                    rebookings = rebookings + 1
                                where id = :id and not exists (
                                    select 1 from hall_appointment o where o.applicant_subject = hall_appointment.applicant_subject
                                    and o.status = 'BOOKED' and o.day = :day and o.starts = :starts and o.id <> :id)
                                """)
                        .param("id", id)
                        .param("day", day)
                        .param("starts", starts)
                        .param("ends", ends)
                        .param("endsAt", Jdbc.timestamp(endsAt))
                        .update()
                == 1;
    }

    void arrived(UUID id, Instant at) {
        jdbc.sql("update hall_appointment set status = 'ARRIVED', arrived_at = ? where id = ?")
                .params(Jdbc.timestamp(at), id)
                .update();
    }

    /**
     * Marks every booked appointment whose slot ended before {@code cutoff} a no-show, in one statement: a row
     * another instance marked meanwhile no longer matches, so each is marked once. Returns the ones marked here.
     */
    List<UUID> markNoShows(Instant cutoff, Instant now) {
        return jdbc.sql("""
                        update hall_appointment set status = 'NO_SHOW', no_show_at = :now
                        where status = 'BOOKED' and ends_at < :cutoff
                        returning id
                        """)
                .param("cutoff", Jdbc.timestamp(cutoff))
                .param("now", Jdbc.timestamp(now))
                .query(UUID.class)
                .list();
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        return new Appointment(
                rs.getObject("id", UUID.class),
                rs.getString("service_point_code"),
                rs.getString("category"),
                rs.getString("item_code"),
                rs.getString("bundle_code"),
                rs.getString("applicant_subject"),
                rs.getString("applicant_name"),
                Jdbc.date(rs, "day"),
                rs.getObject("starts", LocalTime.class),
                rs.getObject("ends", LocalTime.class),
                Jdbc.instant(rs, "ends_at"),
                Appointment.Status.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "booked_at"),
                rs.getInt("rebookings"),
                Jdbc.instant(rs, "cancelled_at"),
                Jdbc.instant(rs, "arrived_at"),
                Jdbc.instant(rs, "no_show_at"));
    }

    // ---- tickets ------------------------------------------------------------------------------------------------

    /** The next sequence of the category's tickets at the point on the day (1, 2, ...), atomically. */
    int nextSequence(String point, String category, LocalDate day) {
        return jdbc.sql("""
                        insert into hall_ticket_counter (service_point_code, category, day, last) values (?, ?, ?, 1)
                        on conflict (service_point_code, category, day) do update set last = hall_ticket_counter.last + 1
                        returning last
                        """).params(point, category, day).query(Integer.class).single();
    }

    void insert(Ticket t) {
        jdbc.sql("""
                        insert into hall_ticket (id, service_point_code, category, day, sequence, number, appointment_id,
                            applicant_subject, taken_by, status, taken_at)
                        values (:id, :point, :category, :day, :sequence, :number, :appointment, :subject, :takenBy,
                            'WAITING', :takenAt)
                        """)
                .param("id", t.id())
                .param("point", t.servicePointCode())
                .param("category", t.category())
                .param("day", t.day())
                .param("sequence", t.sequence())
                .param("number", t.number())
                .param("appointment", t.appointmentId())
                .param("subject", t.applicantSubject())
                .param("takenBy", t.takenBy())
                .param("takenAt", Jdbc.timestamp(t.takenAt()))
                .update();
    }

    /** Whether the applicant holds a waiting or called ticket of the category at the point on the day. */
    boolean queued(String subject, String point, String category, LocalDate day) {
        return jdbc.sql("""
                        select exists (select 1 from hall_ticket where applicant_subject = ? and service_point_code = ?
                            and category = ? and day = ? and status in ('WAITING', 'CALLED'))
                        """)
                .params(subject, point, category, day)
                .query(Boolean.class)
                .single();
    }

    Optional<Ticket> ticket(UUID id) {
        return jdbc.sql("select * from hall_ticket where id = ?")
                .param(id)
                .query(HallStore::ticket)
                .optional();
    }

    Optional<Ticket> ticketForUpdate(UUID id) {
        return jdbc.sql("select * from hall_ticket where id = ? for update")
                .param(id)
                .query(HallStore::ticket)
                .optional();
    }

    /**
     * Calls the next waiting ticket of the category to a window: tickets of appointments first, then by the order they
     * were taken. A ticket another clerk is calling at the same moment is skipped (row lock, skip locked), so no ticket
     * is called to two windows.
     */
    Optional<Ticket> callNext(String point, String category, LocalDate day, String clerk, String window, Instant now) {
        return jdbc.sql("""
                        update hall_ticket set status = 'CALLED', called_at = :now, called_by = :clerk, window_name = :window
                        where id = (
                            select id from hall_ticket
                            where service_point_code = :point and category = :category and day = :day
                              and status = 'WAITING'
                            order by (appointment_id is null), sequence
                            limit 1 for update skip locked)
                        returning *
                        """)
                .param("point", point)
                .param("category", category)
                .param("day", day)
                .param("clerk", clerk)
                .param("window", window)
                .param("now", Jdbc.timestamp(now))
                .query(HallStore::ticket)
                .optional();
    }

    void finish(UUID id, Ticket.Status status, Instant at) {
        jdbc.sql("update hall_ticket set status = ?, served_at = ? where id = ?")
                .params(status.name(), status == Ticket.Status.SERVED ? Jdbc.timestamp(at) : null, id)
                .update();
    }

    /** The point's tickets of the day, in the order they are called. */
    List<Ticket> tickets(String point, LocalDate day) {
        return jdbc.sql("""
                        select * from hall_ticket where service_point_code = ? and day = ?
                        order by category, (appointment_id is null), sequence
                        """).params(point, day).query(HallStore::ticket).list();
    }

    List<Ticket> ticketsOf(String subject) {
        return jdbc.sql("select * from hall_ticket where applicant_subject = ? order by taken_at desc")
                .param(subject)
                .query(HallStore::ticket)
                .list();
    }

    /** Waiting tickets of the category that will be called before {@code ticket}. */
    int ahead(Ticket ticket) {
        return jdbc.sql("""
                        select count(*) from hall_ticket
                        where service_point_code = :point and category = :category and day = :day and status = 'WAITING'
                          and ((appointment_id is null, sequence) < (:walkIn, :sequence))
                        """)
                .param("point", ticket.servicePointCode())
                .param("category", ticket.category())
                .param("day", ticket.day())
                .param("walkIn", ticket.appointmentId() == null)
                .param("sequence", ticket.sequence())
                .query(Integer.class)
                .single();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(
                rs.getObject("id", UUID.class),
                rs.getString("service_point_code"),
                rs.getString("category"),
                Jdbc.date(rs, "day"),
                rs.getInt("sequence"),
                rs.getString("number"),
                rs.getObject("appointment_id", UUID.class),
                rs.getString("applicant_subject"),
                rs.getString("taken_by"),
                Ticket.Status.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "taken_at"),
                Jdbc.instant(rs, "called_at"),
                rs.getString("called_by"),
                rs.getString("window_name"),
                Jdbc.instant(rs, "served_at"));
    }

    // ---- statistics ---------------------------------------------------------------------------------------------

    /** Per service point: appointments by outcome over the days {@code [from, to]}, and tickets taken then. */
    Map<String, Map<String, Object>> figures(LocalDate from, LocalDate to, Instant start, Instant end) {
        Map<String, Map<String, Object>> figures = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.code,
                            (select count(*) from hall_appointment a where a.service_point_code = p.code
                                and a.day between :from and :to) as appointments,
                            (select count(*) from hall_appointment a where a.service_point_code = p.code
                                and a.day between :from and :to and a.status = 'CANCELLED') as cancelled,
                            (select count(*) from hall_appointment a where a.service_point_code = p.code
                                and a.day between :from and :to and a.status = 'ARRIVED') as arrived,
                            (select count(*) from hall_appointment a where a.service_point_code = p.code
                                and a.day between :from and :to and a.status = 'NO_SHOW') as no_shows,
                            t.tickets, t.called, t.served, t.absent, t.average_wait, t.longest_wait, t.average_service
                        from hall_service_point p
                        left join lateral (
                            select count(*) as tickets, count(called_at) as called,
                                count(*) filter (where status = 'SERVED') as served,
                                count(*) filter (where status = 'ABSENT') as absent,
                                avg(extract(epoch from called_at - taken_at)) / 60 as average_wait,
                                max(extract(epoch from called_at - taken_at)) / 60 as longest_wait,
                                avg(extract(epoch from served_at - called_at)) / 60 as average_service
                            from hall_ticket t where t.service_point_code = p.code
                              and t.taken_at >= :start and t.taken_at < :end) t on true
                        order by p.code
                        """)
                .param("from", from)
                .param("to", to)
                .param("start", Jdbc.timestamp(start))
                .param("end", Jdbc.timestamp(end))
                .query((ResultSet rs) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String column : List.of(
                            "appointments",
                            "cancelled",
                            "arrived",
                            "no_shows",
                            "tickets",
                            "called",
                            "served",
                            "absent")) {
                        row.put(column, rs.getLong(column));
                    }
                    for (String column : List.of("average_wait", "longest_wait", "average_service")) {
                        Object value = rs.getObject(column);
                        row.put(column, value == null ? null : Math.round(rs.getDouble(column) * 10) / 10.0);
                    }
                    figures.put(rs.getString("code"), row);
                });
        return figures;
    }
}
