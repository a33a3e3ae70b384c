package org.runonce.approval.cases;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.runonce.approval.StoredPersonalData;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.Deficiency;
import org.runonce.starter.domain.Time;
import org.runonce.starter.jdbc.Jdbc;
import org.runonce.starter.personaldata.PlaintextRows;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What intake's events said of an application beyond its cases: the form and terms of its acceptance, and the one-time
 * notices issued before it. Written once per event (a redelivered event changes nothing), never changed but for
 * encrypting the ID, credit code and phone numbers of a form stored before encryption ({@link StoredPersonalData}).
 */
@Repository
class ApplicationFiles {

    private static final TypeReference<Map<String, Object>> FORM = new TypeReference<>() {};
    private static final TypeReference<List<ApplicationAccepted.MissingMaterial>> MISSING = new TypeReference<>() {};
    private static final TypeReference<List<Deficiency>> DEFICIENCIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Time time;
    private final StoredPersonalData personalData;

    ApplicationFiles(JdbcClient jdbc, JsonMapper json, Time time, StoredPersonalData personalData) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
        this.personalData = personalData;
    }

    void accepted(ApplicationAccepted a) {
        jdbc.sql("""
                        insert into application_file (application_number, channel, filed_by, accepted_at, form,
                            with_deficiencies, pledge_date, missing_materials, received_at, form_encrypted)
                        values (:number, :channel, :filedBy, :acceptedAt, cast(:form as jsonb), :withDeficiencies,
                            :pledgeDate, cast(:missing as jsonb), :now, true)
                        on conflict (application_number) do nothing""")
                .param("number", a.applicationNumber())
                .param("channel", a.channel())
                .param("filedBy", a.filedBy())
                .param("acceptedAt", Jdbc.timestamp(a.acceptedAt()))
                .param("form", personalData.write(Objects.requireNonNullElse(a.form(), Map.of())))
                .param("withDeficiencies", a.withDeficiencies())
                .param("pledgeDate", a.pledgeDate())
                .param("missing", json.writeValueAsString(Objects.requireNonNullElse(a.missingMaterials(), List.of())))
                .param("now", Jdbc.timestamp(time.now()))
                .update();
    }

    void noticed(ApplicationSupplementRequested n) {
        jdbc.sql("""
                        insert into application_notice (notice_number, application_number, second,
                            acceptable_with_pledge, deficiencies, document_path, issued_at, received_at)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                        on conflict (notice_number) do nothing""")
                .params(
                        n.noticeNumber(),
                        n.applicationNumber(),
                        n.second(),
                        n.acceptableWithPledge(),
                        json.writeValueAsString(Objects.requireNonNullElse(n.deficiencies(), List.of())),
                        n.documentPath(),
                        Jdbc.timestamp(n.issuedAt()),
                        Jdbc.timestamp(time.now()))
                .update();
    }

    /** The acceptance as approval received it; empty for a case not opened from intake (a window decision). */
    Optional<CaseFile.Acceptance> acceptance(String applicationNumber) {
        return jdbc.sql("select * from application_file where application_number = ?")
                .param(applicationNumber)
                .query((rs, n) -> new CaseFile.Acceptance(
                        rs.getString("channel"),
                        rs.getString("filed_by"),
                        Jdbc.instant(rs, "accepted_at"),
                        rs.getBoolean("with_deficiencies"),
                        Jdbc.date(rs, "pledge_date"),
                        json.readValue(rs.getString("missing_materials"), MISSING),
                        personalData.read(rs.getString("form"), FORM)))
                .optional();
    }

    /** Encrypts the forms stored before encryption (V16: {@code form_encrypted} false), at every start. */
    @EventListener(ApplicationReadyEvent.class)
    void encryptFormsStoredInPlaintext() {
        personalData.encryptStoredBefore(
                jdbc,
                new StoredPersonalData.Plaintext(
                        "application forms",
                        new PlaintextRows.Column(
                                "application_file",
                                "application_number",
                                "form",
                                true,
                                "not form_encrypted",
                                "form_encrypted = true")));
    }

    /** Intake's one-time notices on the application, oldest first. */
    List<CaseFile.IntakeNotice> notices(String applicationNumber) {
        return jdbc.sql("""
                        select * from application_notice where application_number = ?
                        order by issued_at, notice_number""")
                .param(applicationNumber)
                .query((rs, n) -> new CaseFile.IntakeNotice(
                        rs.getString("notice_number"),
                        Jdbc.instant(rs, "issued_at"),
                        rs.getBoolean("second"),
                        rs.getBoolean("acceptable_with_pledge"),
                        json.readValue(rs.getString("deficiencies"), DEFICIENCIES),
                        rs.getString("document_path")))
                .list();
    }
}
