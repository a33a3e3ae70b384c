package org.runonce.intake.agency;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.runonce.starter.personaldata.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The authorizations and the acts of agents under them (tables {@code agency_authorization}, {@code agency_act}). The
 * principal's and the agent's ID numbers are stored encrypted ({@link PersonalDataCipher}).
 */
@Repository
class AgencyAuthorizations {

    /**
     * One act of an agent under an authorization.
     *
     * @param applicationNumber the application acted on
     * @param act SUBMISSION, READ or CHANGE
     * @param agentUsername the agent's username
     * @param agentName the agent's verified name (an applicant account) or display name (staff)
     * @param at when
     */
    record Act(String applicationNumber, String act, String agentUsername, String agentName, Instant at) {}

    private static final String COLUMNS = """
            id, principal_subject, principal_type, principal_id_number, principal_name, granted_by_name, acting_as,
            agent_kind, agent_username, agent_id_number, agent_name, item_codes, bundle_codes, application_numbers,
            valid_from, valid_until, granted_at, revoked_at, revocation_reason""";

    private static final Logger log = LoggerFactory.getLogger(AgencyAuthorizations.class);

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;

    AgencyAuthorizations(JdbcClient jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * Encrypts the ID numbers of authorizations stored before encryption (intake V12), at every start; each value is
     * compared-and-set, and the columns never change otherwise.
     */
    @EventListener(ApplicationReadyEvent.class)
    void encryptPlaintextRows() {
        int encrypted = 0;
        for (String column : List.of("principal_id_number", "agent_id_number")) {
            record Row(UUID id, String value) {}
            List<Row> rows = jdbc.sql("select id, " + column + " from agency_authorization where " + column
                            + " is not null and " + column + " not like 'pd1:%'")
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            for (Row row : rows) {
                encrypted += jdbc.sql("update agency_authorization set " + column + " = ? where id = ? and " + column
                                + " = ?")
                        .params(cipher.encrypt(row.value()), row.id(), row.value())
                        .update();
            }
        }
        if (encrypted > 0) {
            log.info("Encrypted {} ID numbers of agency authorizations stored before encryption", encrypted);
        }
    }

    void insert(AgencyAuthorization a) {
        jdbc.sql("insert into agency_authorization (" + COLUMNS + """
                        ) values (:id, :principalSubject, :principalType, :principalIdNumber, :principalName,
                        :grantedByName, :actingAs, :agentKind, :agentUsername, :agentIdNumber, :agentName, :itemCodes,
                        :bundleCodes, :applicationNumbers, :validFrom, :validUntil, :grantedAt, null, null)""")
                .param("id", a.id())
                .param("principalSubject", a.principal().subject())
                .param("principalType", a.principal().type())
                .param("principalIdNumber", cipher.encrypt(a.principal().idNumber()))
                .param("principalName", a.principal().name())
                .param("grantedByName", a.principal().grantedByName())
                .param("actingAs", a.principal().actingAs())
                .param("agentKind", a.agent().kind())
                .param("agentUsername", a.agent().username())
                .param("agentIdNumber", cipher.encrypt(a.agent().idNumber()))
                .param("agentName", a.agent().name())
                .param("itemCodes", a.scope().itemCodes().toArray(String[]::new))
                .param("bundleCodes", a.scope().bundleCodes().toArray(String[]::new))
                .param("applicationNumbers", a.scope().applicationNumbers().toArray(String[]::new))
                .param("validFrom", a.validFrom())
                .param("validUntil", a.validUntil())
                .param("grantedAt", Timestamp.from(a.grantedAt()))
                .update();
    }

    void revoked(AgencyAuthorization a) {
        jdbc.sql("update agency_authorization set revoked_at = ?, revocation_reason = ? where id = ?")
                .params(Timestamp.from(a.revokedAt()), a.revocationReason(), a.id())
                .update();
    }

    Optional<AgencyAuthorization> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from agency_authorization where id = ?")
                .param(id)
                .query(this::authorization)
                .optional();
    }

    /** Locked against a concurrent revocation until the transaction ends (an act re-checks it under the lock). */
    Optional<AgencyAuthorization> findLocked(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from agency_authorization where id = ? for share")
                .param(id)
                .query(this::authorization)
                .optional();
    }

    /** Locked for a revocation. */
    Optional<AgencyAuthorization> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from agency_authorization where id = ? for update")
                .param(id)
                .query(this::authorization)
                .optional();
    }

    /** The principal's authorizations, newest first. */
    List<AgencyAuthorization> grantedBy(String principalSubject, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from agency_authorization where principal_subject = ? order by granted_at desc, id limit ?")
                .params(principalSubject, limit)
                .query(this::authorization)
                .list();
    }

    /** The authorizations naming this account as the agent, of that kind, newest first. */
    List<AgencyAuthorization> naming(String agentKind, String agentUsername, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from agency_authorization where agent_kind = ? and agent_username = ?
                        order by granted_at desc, id limit ?""")
                .params(agentKind, agentUsername, limit)
                .query(this::authorization)
                .list();
    }

    /** The principal's authorizations naming this account, not revoked and in force on that day. */
    List<AgencyAuthorization> inForce(String principalSubject, String agentUsername, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + """
                         from agency_authorization
                        where principal_subject = ? and agent_username = ? and revoked_at is null
                          and valid_from <= ? and valid_until >= ?""")
                .params(principalSubject, agentUsername, day, day)
                .query(this::authorization)
                .list();
    }

    void recordAct(UUID authorization, String agentSubject, Act what) {
        jdbc.sql("""
                        insert into agency_act (authorization_id, application_number, act, agent_subject,
                                                agent_username, agent_name, at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        authorization,
                        what.applicationNumber(),
                        what.act(),
                        agentSubject,
                        what.agentUsername(),
                        what.agentName(),
                        Timestamp.from(what.at()))
                .update();
    }

    /** The acts under an authorization, oldest first. */
    List<Act> acts(UUID authorization) {
        return jdbc.sql("""
                        select application_number, act, agent_username, agent_name, at from agency_act
                         where authorization_id = ? order by at, id""")
                .param(authorization)
                .query((rs, n) -> new Act(
                        rs.getString("application_number"),
                        rs.getString("act"),
                        rs.getString("agent_username"),
                        rs.getString("agent_name"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private AgencyAuthorization authorization(ResultSet rs, int row) throws SQLException {
        Timestamp revokedAt = rs.getTimestamp("revoked_at");
        return new AgencyAuthorization(
                rs.getObject("id", UUID.class),
                new AgencyAuthorization.Principal(
                        rs.getString("principal_subject"),
                        rs.getString("principal_type"),
                        cipher.decrypt(rs.getString("principal_id_number")),
                        rs.getString("principal_name"),
                        rs.getString("granted_by_name"),
                        rs.getString("acting_as")),
                new AgencyAuthorization.Agent(
                        rs.getString("agent_kind"),
                        rs.getString("agent_username"),
                        cipher.decrypt(rs.getString("agent_id_number")),
                        rs.getString("agent_name")),
                new AgencyAuthorization.Scope(
                        strings(rs.getArray("item_codes")),
                        strings(rs.getArray("bundle_codes")),
                        strings(rs.getArray("application_numbers"))),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getTimestamp("granted_at").toInstant(),
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getString("revocation_reason"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
