package org.runonce.approval.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.RunningApproval;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.MaterialReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessException;

/**
 * The records of commitment approval cannot be rewritten, like the audit trail (issue 16 item 6): on real PostgreSQL,
 * what intake accepted on commitment never changes nor goes; a post-approval check changes only by being raised
 * overdue once and recorded once, and then is final; the service's own role holds no grant to delete them and the
 * owner meets the triggers.
 */
class PostApprovalCheckGuardIT extends RunningApproval {

    @Autowired
    PostApprovalChecks checks;

    @Autowired
    DataSourceProperties owner;

    /** A case recorded as accepted on commitment and its check scheduled, as approving it does; returns the check. */
    PostApprovalCheck scheduled() {
        clock.setDay("2026-09-22");
        String app = Fixtures.newApplicationNumber();
        String number = app + "-01";
        var c = new ApplicationAccepted.Case(
                number,
                Fixtures.FOOD,
                1,
                "SAMR",
                List.of(),
                5,
                List.of(new MaterialReference(
                        "FOOD_SAFETY_PLAN", UUID.randomUUID().toString(), null, null)),
                List.of("FOOD_SAFETY_RULES"));
        var accepted = new ApplicationAccepted(
                app,
                null,
                Fixtures.applicant(),
                "ONLINE",
                "330000",
                null,
                clock.instant(),
                5,
                LocalDate.parse("2026-09-29"),
                false,
                null,
                List.of(),
                Map.of(),
                List.of(c),
                new ApplicationAccepted.Commitment("本人承诺符合条件。", clock.instant(), "李小红", null));
        assertThat(checks.recordCase(accepted, c, "330000", clock.instant())).isTrue();
        var committed = checks.committedCase(number).orElseThrow();
        assertThat(checks.schedule(
                        committed,
                        "CERT-" + app,
                        LocalDate.parse("2026-09-22"),
                        LocalDate.parse("2026-10-13"),
                        clock.instant()))
                .isTrue();
        return checks.ofCase(number).orElseThrow();
    }

    void refused(String sql, Object param, String message) {
        assertThatThrownBy(() -> jdbc.sql(sql).param(param).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining(message);
    }

    @Test
    void whatWasAcceptedOnCommitmentAndScheduledIsNeverRewrittenAndARecordedCheckIsFinal() throws Exception {
        var check = scheduled();
        String number = check.caseNumber();

        // the service's role: no grant to change or delete a commitment, nor to delete a check
        refused("update commitment_case set statement = 'another' where case_number = ?", number, "permission denied");
        refused("delete from commitment_case where case_number = ?", number, "permission denied");
        refused("delete from post_approval_check where case_number = ?", number, "permission denied");
        // what was scheduled stays: the due day, the certificate
        refused(
                "update post_approval_check set due_on = due_on + 30 where case_number = ?",
                number,
                "what was scheduled cannot be changed");
        refused(
                "update post_approval_check set certificate_number = null where case_number = ?",
                number,
                "what was scheduled cannot be changed");

        // raised overdue once: not taken back
        checks.markOverdue(check.id(), clock.instant());
        refused(
                "update post_approval_check set overdue_at = null where case_number = ?",
                number,
                "cannot be changed or taken back");

        // recorded once: final
        checks.record(check.id(), "FAILED", "现场核查：未建立食品安全管理制度", "li.samr", clock.instant());
        refused(
                "update post_approval_check set status = 'PASSED', findings = null where case_number = ?",
                number,
                "a recorded check cannot be changed");
        refused(
                "update post_approval_check set checked_by = 'someone.else' where case_number = ?",
                number,
                "a recorded check cannot be changed");

        // the owner meets the triggers unless it switches them off
        try (Connection c = DriverManager.getConnection(owner.getUrl(), owner.getUsername(), owner.getPassword());
                Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute(
                            "update commitment_case set statement = 'another' where case_number = '" + number + "'"))
                    .hasMessageContaining("commitment_case rows are facts: UPDATE refused");
            assertThatThrownBy(() -> st.execute("delete from post_approval_check where case_number = '" + number + "'"))
                    .hasMessageContaining("post_approval_check rows are facts: DELETE refused");
            assertThatThrownBy(() -> st.execute("truncate post_approval_check"))
                    .hasMessageContaining("post_approval_check rows are facts: TRUNCATE refused");
            assertThatThrownBy(() -> st.execute(
                            "update post_approval_check set status = 'PASSED' where case_number = '" + number + "'"))
                    .hasMessageContaining("a recorded check cannot be changed");
        }

        var after = checks.ofCase(number).orElseThrow();
        assertThat(after.status()).isEqualTo("FAILED");
        assertThat(after.findings()).isEqualTo("现场核查：未建立食品安全管理制度");
        assertThat(after.dueOn()).isEqualTo(LocalDate.parse("2026-10-13"));
        assertThat(after.overdueAt()).isNotNull();
        assertThat(checks.commitmentOf(number).orElseThrow().statement()).isEqualTo("本人承诺符合条件。");
    }
}
