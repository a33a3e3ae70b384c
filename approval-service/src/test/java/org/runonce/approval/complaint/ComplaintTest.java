package org.runonce.approval.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.complaint.Complaint.About;
import org.runonce.approval.complaint.Complaint.AboutKind;
import org.runonce.approval.complaint.Complaint.Channel;
import org.runonce.approval.complaint.Complaint.Complainant;
import org.runonce.approval.complaint.Complaint.Responsibility;
import org.runonce.approval.complaint.Complaint.Status;
import org.runonce.contracts.approval.ComplainantNotice;
import org.runonce.contracts.approval.ComplaintEscalated;
import org.runonce.contracts.approval.ComplaintFiled;
import org.runonce.contracts.approval.ComplaintOverdue;
import org.runonce.contracts.approval.ComplaintReplied;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

class ComplaintTest {

    static final WorkingDayCalendar ZHEJIANG = zhejiang2026();
    static final Instant AT = Instant.parse("2026-09-30T02:00:00Z");
    static final LocalDate FILED_ON = LocalDate.parse("2026-09-30");

    static WorkingDayCalendar zhejiang2026() {
        var c = Fixtures.calendar2026();
        return new WorkingDayCalendar(
                "330000", Set.of(2026), Set.copyOf(c.holidays()), Set.copyOf(c.makeUpWorkingDays()));
    }

    static Complaint filed(String department, Complainant who) {
        var r = department == null ? null : Responsibility.of(department, "330000", FILED_ON, 5, ZHEJIANG);
        return Complaint.file(
                "TS-2026-000001",
                AT,
                Channel.ONLINE,
                new About(AboutKind.CASE, "330000-2026-000000001-01"),
                "重复提交材料",
                who,
                who.anonymous() ? AccessCodes.hash("ABCDEFGHJKLM") : null,
                null,
                5,
                r,
                Complaint.COMPLAINANT);
    }

    static Complaint filed() {
        return filed("SAMR", new Complainant("applicant-1", null));
    }

    @Test
    void fiveWorkingDaysFromTheDayBeforeNationalDayEndOnTheThirteenthCountingTheMakeUpSaturday() {
        var c = filed();
        // 10-01..07 holidays; 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13
        assertThat(c.responsibility().dueOn()).isEqualTo(LocalDate.parse("2026-10-13"));
        assertThat(c.responsibility().overdueOn()).isEqualTo(LocalDate.parse("2026-10-14"));
        assertThat(c.overdue(LocalDate.parse("2026-10-13"))).isFalse();
        assertThat(c.overdue(LocalDate.parse("2026-10-14"))).isTrue();
    }

    @Test
    void filingRaisesFiledWithoutTheContactOrTheTextAndTellsTheAnonymousComplainantWithoutADepartment() {
        var c = filed("PSB", new Complainant(null, new Contact("王先生", "13912345678", null)));
        var raised = c.pullRaised();
        assertThat(raised).hasSize(2);
        var filed = (ComplaintFiled) raised.getFirst().data();
        assertThat(filed.anonymous()).isTrue();
        assertThat(filed.departmentCode()).isEqualTo("PSB");
        assertThat(filed.toString()).doesNotContain("13912345678", "王先生", "重复提交材料");
        // the complainant's notice: their contact, no department (no department system receives it), no text
        assertThat(raised.get(1).department()).isNull();
        var told = (ComplainantNotice) raised.get(1).data();
        assertThat(told.notice()).isEqualTo(ComplainantNotice.RECEIVED);
        assertThat(told.complainant().phone()).isEqualTo("13912345678");
        assertThat(told.toString()).doesNotContain("重复提交材料");
        assertThat(c.pullEntries()).extracting(Complaint.Entry::action).containsExactly("FILED");
    }

    @Test
    void aComplaintWithoutDepartmentHasNoClockUntilAssigned() {
        var c = filed(null, new Complainant("applicant-1", null));
        assertThat(c.overdue(LocalDate.parse("2027-01-01"))).isFalse();
        assertThatThrownBy(() -> c.reply("答复", "li.samr", AT, FILED_ON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("complaint-unassigned"));
        c.assign(Responsibility.of("SAMR", "330000", FILED_ON, 5, ZHEJIANG), "supervisor.qian", AT);
        assertThat(c.department()).isEqualTo("SAMR");
        assertThatThrownBy(() ->
                        c.assign(Responsibility.of("PSB", "330000", FILED_ON, 5, ZHEJIANG), "supervisor.qian", AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(409));
    }

    @Test
    void theDepartmentRepliesOnceAndTheComplainantMayThenEscalate() {
        var c = filed();
        c.pullRaised();
        assertThatThrownBy(() -> c.escalateByComplainant("不满意", AT))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("complaint-not-replied"));
        c.reply("已整改", "li.samr", AT, LocalDate.parse("2026-10-13"));
        assertThat(c.status()).isEqualTo(Status.REPLIED);
        assertThat(((ComplaintReplied) c.pullRaised().getFirst().data()).onTime())
                .isTrue();
        assertThatThrownBy(() -> c.reply("again", "li.samr", AT, FILED_ON))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("complaint-replied"));
        c.escalateByComplainant("答复未解决问题", AT);
        assertThat(c.status()).isEqualTo(Status.ESCALATED);
        var escalated = (ComplaintEscalated) c.pullRaised().getFirst().data();
        assertThat(escalated.reason()).isEqualTo(Complaint.UNSATISFIED);
        assertThat(escalated.escalatedBy()).isEqualTo("complainant");
        c.resolve("已约谈", "supervisor.qian", AT);
        assertThat(c.status()).isEqualTo(Status.RESOLVED);
        assertThatThrownBy(() -> c.resolve("again", "supervisor.qian", AT)).isInstanceOf(Refusal.class);
    }

    @Test
    void overdueIsMarkedOnceAndEscalatesAnOpenComplaint() {
        var c = filed();
        c.pullRaised();
        assertThat(c.markOverdue(AT, LocalDate.parse("2026-10-13"))).isFalse();
        assertThat(c.markOverdue(AT, LocalDate.parse("2026-10-14"))).isTrue();
        assertThat(c.markOverdue(AT, LocalDate.parse("2026-10-15"))).isFalse();
        var raised = c.pullRaised();
        assertThat(raised)
                .extracting(Complaint.Raised::type)
                .containsExactly(ComplaintOverdue.TYPE, ComplaintEscalated.TYPE);
        assertThat(c.status()).isEqualTo(Status.ESCALATED);
        assertThat(c.escalationReason()).isEqualTo(Complaint.OVERDUE);
        // the department may still reply, late; the complaint stays with the supervisors
        c.reply("迟到的答复", "li.samr", AT, LocalDate.parse("2026-10-15"));
        assertThat(((ComplaintReplied) c.pullRaised().getFirst().data()).onTime())
                .isFalse();
        assertThat(c.status()).isEqualTo(Status.ESCALATED);
    }

    @Test
    void aRepliedComplaintIsNeverOverdue() {
        var c = filed();
        c.reply("已答复", "li.samr", AT, FILED_ON);
        assertThat(c.overdue(LocalDate.parse("2026-12-01"))).isFalse();
        assertThat(c.markOverdue(AT, LocalDate.parse("2026-12-01"))).isFalse();
    }

    @Test
    void aContactNeedsAPhoneOrAnEmailAndIsMaskedForSupervisors() {
        assertThatThrownBy(() -> new Contact("王先生", " ", null))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
        var masked = new Contact("王小明", "13912345678", "wang@example.com").masked();
        assertThat(masked).isEqualTo(new Contact("王*明", "139****5678", "w***@example.com"));
    }

    @Test
    void accessCodesMatchOnlyThemselves() {
        String code = AccessCodes.generate();
        assertThat(code).hasSize(12);
        assertThat(AccessCodes.matches(code, AccessCodes.hash(code))).isTrue();
        assertThat(AccessCodes.matches(code.toLowerCase(), AccessCodes.hash(code)))
                .isTrue();
        assertThat(AccessCodes.matches(AccessCodes.generate(), AccessCodes.hash(code)))
                .isFalse();
        assertThat(AccessCodes.matches(null, AccessCodes.hash(code))).isFalse();
    }
}
