package org.runonce.intake.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.BlindIndex;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.runonce.starter.personaldata.PersonalDataInJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications in PostgreSQL: one row each, the aggregate as JSON plus the columns that queues, access checks and
 * statistics query. ID numbers and phone numbers in the JSON are encrypted ({@link PersonalDataInJson}); the
 * applicant's ID number is found by its blind index ({@code applicant_id_index}).
 */
@Repository
class Applications {

    private static final Logger log = LoggerFactory.getLogger(Applications.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;

    Applications(JdbcClient jdbc, JsonMapper json, PersonalDataCipher cipher, BlindIndex index) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.index = index;
    }

    /** The next application number of a region and year, e.g. {@code 330000-2026-000123}. */
    String nextNumber(String region, int year) {
        long sequence = jdbc.sql("select next_application_sequence(?, ?)")
                .params(region, year)
                .query(Long.class)
                .single();
        return "%s-%d-%06d".formatted(region, year, sequence);
    }

    Optional<Application> find(String number) {
        return jdbc.sql("select state from application where number = ?")
                .param(number)
                .query(this::application)
                .optional();
    }

    /** Loads the application and locks it until the transaction ends: changes to one application queue up. */
    Optional<Application> findForUpdate(String number) {
        return jdbc.sql("select state from application where number = ? for update")
                .param(number)
                .query(this::application)
                .optional();
    }

    List<Application> ofApplicant(String subject, int limit) {
        return jdbc.sql("select state from application where applicant_subject = ? order by submitted_at desc limit ?")
                .params(subject, limit)
                .query(this::application)
                .list();
    }

    /** The applications of the person or entity with this ID number (by its blind index), newest first. */
    List<Application> ofIdNumber(String idNumber, int limit) {
        return jdbc.sql("select state from application where applicant_id_index = ? order by submitted_at desc limit ?")
                .params(index.of(idNumber), limit)
                .query(this::application)
                .list();
    }

    List<Application> withStatus(ApplicationStatus status, int limit) {
        return jdbc.sql("select state from application where status = ? order by submitted_at limit ?")
                .params(status.name(), limit)
                .query(this::application)
                .list();
    }

    List<Application> recent(int limit) {
        return jdbc.sql("select state from application order by submitted_at desc limit ?")
                .param(limit)
                .query(this::application)
                .list();
    }

    /** Accepted with deficiencies, materials still missing, pledge date before {@code today}. */
    List<String> pastPledgeDate(LocalDate today, int limit) {
        return jdbc.sql("""
                        select number from application
                        where pledge_outstanding and status = 'ACCEPTED' and pledge_date < ?
                        order by pledge_date limit ?""").params(today, limit).query(String.class).list();
    }

    List<Application> openFollowUps(int limit) {
        return jdbc.sql("select state from application where follow_up_open order by follow_up_due limit ?")
                .param(limit)
                .query(this::application)
                .list();
    }

    /** Open follow-ups of bad ratings due before {@code today}: escalated to the supervisors. */
    List<Application> overdueFollowUps(LocalDate today, int limit) {
        return jdbc.sql("""
                        select state from application where follow_up_open and follow_up_due < ?
                        order by follow_up_due limit ?""").params(today, limit).query(this::application).list();
    }

    /** Withdrawn applications, the latest first, by whether the applicant confirmed the withdrawal. */
    List<Application> withdrawn(boolean confirmedByApplicant, int limit) {
        return jdbc.sql("""
                        select state from application
                        where status = 'WITHDRAWN' and (state -> 'withdrawal' ->> 'confirmedByApplicant')::boolean = ?
                        order by updated_at desc limit ?""")
                .params(confirmedByApplicant, limit)
                .query(this::application)
                .list();
    }

    List<Application> withMultipleVisits(int limit) {
        return jdbc.sql("select state from application where visits > 1 order by submitted_at desc limit ?")
                .param(limit)
                .query(this::application)
                .list();
    }

    /** Inserts or updates the application in one statement. */
    void save(Application application, Instant now) {
        ApplicationSnapshot s = application.snapshot();
        Acceptance acceptance = s.acceptance();
        Records.Evaluation evaluation = s.evaluation();
        jdbc.sql("""
                        insert into application (number, region, status, channel, bundle_code, applicant_subject,
                            filed_by, submitted_at, accepted_at, completed_at, pledge_date, pledge_outstanding, visits,
                            visits_at_acceptance, notices, second_notices, notices_before_acceptance, rating,
                            follow_up_due, follow_up_open, state, updated_at, applicant_id_index)
                        values (:number, :region, :status, :channel, :bundle, :subject, :filedBy, :submittedAt,
                            :acceptedAt, :completedAt, :pledgeDate, :pledgeOutstanding, :visits, :visitsAtAcceptance,
                            :notices, :secondNotices, :noticesBeforeAcceptance, :rating, :followUpDue, :followUpOpen,
                            cast(:state as jsonb), :updatedAt, :idIndex)
                        on conflict (number) do update set
                            status = excluded.status, accepted_at = excluded.accepted_at,
                            completed_at = excluded.completed_at, pledge_date = excluded.pledge_date,
                            pledge_outstanding = excluded.pledge_outstanding, visits = excluded.visits,
                            visits_at_acceptance = excluded.visits_at_acceptance, notices = excluded.notices,
                            second_notices = excluded.second_notices,
                            notices_before_acceptance = excluded.notices_before_acceptance, rating = excluded.rating,
                            follow_up_due = excluded.follow_up_due, follow_up_open = excluded.follow_up_open,
                            state = excluded.state, updated_at = excluded.updated_at,
                            applicant_id_index = excluded.applicant_id_index""")
                .param("number", s.number())
                .param("region", s.region())
                .param("status", s.status().name())
                .param("channel", s.channel().name())
                .param("bundle", s.bundleCode())
                .param("subject", s.applicant().subject())
                .param("filedBy", s.filedBy() == null ? null : s.filedBy().subject())
                .param("submittedAt", Jdbc.timestamp(s.submittedAt()))
                .param("acceptedAt", acceptance == null ? null : Jdbc.timestamp(acceptance.acceptedAt()))
                .param("completedAt", Jdbc.timestamp(s.completedAt()))
                .param("pledgeDate", acceptance == null ? null : acceptance.pledgeDate())
                .param(
                        "pledgeOutstanding",
                        acceptance != null
                                && acceptance.pledgeDate() != null
                                && !acceptance.missing().isEmpty())
                .param("visits", application.visitCount())
                .param("visitsAtAcceptance", acceptance == null ? null : acceptance.visitsAtAcceptance())
                .param("notices", s.notices().size())
                .param("secondNotices", (int)
                        s.notices().stream().filter(Notice::second).count())
                .param("noticesBeforeAcceptance", acceptance == null ? null : acceptance.noticesBeforeAcceptance())
                .param("rating", evaluation == null ? null : evaluation.rating())
                .param("followUpDue", evaluation == null ? null : evaluation.followUpDue())
                .param("followUpOpen", evaluation != null && evaluation.followUpOpen())
                .param("state", stored(s))
                .param("updatedAt", Jdbc.timestamp(now))
                .param("idIndex", index.of(s.applicant().idNumber()))
                .update();
    }

    /**
     * Encrypts what rows written before encryption (V12) hold in plaintext: at every start, in batches, each row
     * compared-and-set on its old state, so that a concurrent change of the application is never overwritten (that
     * row is taken at the next start). A Flyway migration cannot do it: the key is not in the database.
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextRows() {
        int encrypted = 0;
        while (true) {
            record Row(String number, String state) {}
            List<Row> rows = jdbc.sql("""
                            select number, state::text from application where applicant_id_index is null
                            and state -> 'applicant' ->> 'idNumber' is not null
                            and state -> 'applicant' ->> 'idNumber' not like 'pd1:%' order by number limit 200""")
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                    .list();
            int done = 0;
            for (Row row : rows) {
                JsonNode state = json.readTree(row.state());
                String idNumber = state.path("applicant").path("idNumber").asString();
                PersonalDataInJson.encrypt(state, cipher);
                done += jdbc.sql("""
                                update application set state = cast(? as jsonb), applicant_id_index = ?
                                where number = ? and state = cast(? as jsonb)""")
                        .params(json.writeValueAsString(state), index.of(idNumber), row.number(), row.state())
                        .update();
            }
            encrypted += done;
            if (rows.size() < 200 || done == 0) {
                break;
            }
        }
        if (encrypted > 0) {
            log.info("Encrypted the ID and phone numbers of {} applications stored before encryption", encrypted);
        }
    }

    private String stored(ApplicationSnapshot s) {
        JsonNode state = json.valueToTree(s);
        PersonalDataInJson.encrypt(state, cipher);
        return json.writeValueAsString(state);
    }

    private Application application(ResultSet rs, int row) throws SQLException {
        JsonNode state = json.readTree(rs.getString("state"));
        PersonalDataInJson.decrypt(state, cipher);
        return Application.restore(json.treeToValue(state, ApplicationSnapshot.class));
    }
}
