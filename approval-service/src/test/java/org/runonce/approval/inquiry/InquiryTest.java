package org.runonce.approval.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.approval.complaint.AccessCodes;
import org.runonce.approval.complaint.Contact;
import org.runonce.approval.inquiry.Inquiry.Channel;
import org.runonce.approval.inquiry.Inquiry.Inquirer;
import org.runonce.approval.inquiry.Inquiry.Limit;
import org.runonce.approval.inquiry.Inquiry.Status;
import org.runonce.contracts.approval.InquiryOverdue;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.starter.domain.Refusal;

class InquiryTest {

    static final Instant AT = Instant.parse("2026-09-30T02:00:00Z");
    static final LocalDate RECEIVED_ON = LocalDate.parse("2026-09-30");
    static final Limit LIMIT = Limit.of("330000", RECEIVED_ON, 2, zhejiang2026());

    static WorkingDayCalendar zhejiang2026() {
        var c = Fixtures.calendar2026();
        return new WorkingDayCalendar(
                "330000", Set.of(2026), Set.copyOf(c.holidays()), Set.copyOf(c.makeUpWorkingDays()));
    }

    static Inquiry receivedByClerk() {
        return Inquiry.received(
                "ZX-2026-000001",
                AT,
                Channel.WINDOW,
                "需要哪些材料？",
                new Inquirer(null, new Contact(null, "13912345678", null)),
                AccessCodes.hash("ABCDEFGHJKLM"),
                "clerk.wang",
                null,
                2,
                LIMIT);
    }

    @Test
    void twoWorkingDaysAfterNationalDayEndOnFridayAndTheMakeUpSaturdayIsAlreadyLate() {
        assertThat(LIMIT.dueOn()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(LIMIT.overdueOn()).isEqualTo(LocalDate.parse("2026-10-10"));
        var i = receivedByClerk();
        assertThat(i.overdue(LocalDate.parse("2026-10-09"))).isFalse();
        assertThat(i.overdue(LocalDate.parse("2026-10-10"))).isTrue();
    }

    @Test
    void whoeverReceivedItOwnsItUntilHandingItOverAndOnlyTheOwnerAnswers() {
        var i = receivedByClerk();
        assertThat(i.owner()).isEqualTo("clerk.wang");
        assertThatThrownBy(() -> i.answer("li.samr", "答复", AT))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("not-the-owner"));
        assertThatThrownBy(() -> i.handOver("li.samr", "zhao.samr", "SAMR", "转办", AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(403));
        i.handOver("clerk.wang", "li.samr", "SAMR", "涉及现场核查", AT.plusSeconds(60));
        assertThat(i.owner()).isEqualTo("li.samr");
        assertThat(i.department()).isEqualTo("SAMR");
        assertThat(i.pullHandovers())
                .extracting(Inquiry.Handover::fromOwner, Inquiry.Handover::toOwner, Inquiry.Handover::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "clerk.wang", "received (首问)"),
                        org.assertj.core.groups.Tuple.tuple("clerk.wang", "li.samr", "涉及现场核查"));
        assertThatThrownBy(() -> i.answer("clerk.wang", "答复", AT)).isInstanceOf(Refusal.class);
        i.answer("li.samr", "需提交食品安全管理制度", AT);
        assertThat(i.status()).isEqualTo(Status.ANSWERED);
        assertThatThrownBy(() -> i.handOver("li.samr", "zhao.samr", "SAMR", "转办", AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.status()).isEqualTo(409));
        assertThat(i.overdue(LocalDate.parse("2026-12-01"))).isFalse();
    }

    @Test
    void anOnlineInquiryIsOwnedByWhoTakesItOnce() {
        var i = Inquiry.askedOnline(
                "ZX-2026-000002", AT, "多久办结？", new Inquirer("applicant-1", null), null, "SAMR", 2, LIMIT);
        assertThat(i.owner()).isNull();
        assertThatThrownBy(() -> i.answer("li.samr", "x", AT)).isInstanceOf(Refusal.class);
        i.take("li.samr", "SAMR", AT);
        assertThat(i.owner()).isEqualTo("li.samr");
        assertThatThrownBy(() -> i.take("zhao.samr", "SAMR", AT))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("inquiry-owned"));
    }

    @Test
    void overdueIsRaisedOnceWithoutTheQuestionOrContact() {
        var i = receivedByClerk();
        assertThat(i.markOverdue(AT, LocalDate.parse("2026-10-09"))).isFalse();
        assertThat(i.markOverdue(AT, LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(i.markOverdue(AT, LocalDate.parse("2026-10-12"))).isFalse();
        var raised = i.pullRaised();
        assertThat(raised).hasSize(1);
        var overdue = (InquiryOverdue) raised.getFirst().data();
        assertThat(overdue.owner()).isEqualTo("clerk.wang");
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(overdue.toString()).doesNotContain("13912345678", "需要哪些材料");
    }
}
