package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.approval.cases.Calendars.d;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.starter.domain.Refusal;

/** The case's own rules: legal transitions, the one-time supplement rule, special procedures per step, decisions. */
class CaseTest {

    static final WorkingDayCalendar CALENDAR = Calendars.zhejiang2026();
    static final Instant NOW = Instant.parse("2026-09-23T02:00:00Z");
    static final LocalDate ACCEPTED = d("2026-09-23");

    static Procedure foodLicence() {
        return new Procedure(List.of(
                new Procedure.Step("REVIEW", new Name("审查", "Review"), List.of("SITE_INSPECTION")),
                new Procedure.Step("DECIDE", new Name("决定", "Decision"), List.of()),
                new Procedure.Step("ISSUE", new Name("制证", "Issuing"), List.of())));
    }

    static final String PREREQUISITE = "A-2026-000001-00";

    static Subject subject() {
        return new Subject(
                "A-2026-000001-01",
                "A-2026-000001",
                null,
                "samr-food-business-licence",
                1,
                new Name("食品经营许可", "Food business licence"),
                "SAMR",
                "330000",
                "RUN_ONCE",
                new Applicant("sub", "张三", "PERSON", null, "zh-CN", null, null),
                foodLicence(),
                NOW,
                NOW);
    }

    static Case open(boolean waiting) {
        var prerequisites = waiting ? new Prerequisites(List.of(PREREQUISITE)) : Prerequisites.NONE;
        return Case.open(
                new Opening(
                        subject(), 5, prerequisites, waiting ? List.of(PREREQUISITE) : List.of(), List.of(), ACCEPTED),
                "system",
                on(ACCEPTED));
    }

    static Moment on(LocalDate day) {
        return new Moment(NOW, day, CALENDAR);
    }

    static Verdict by(String actor, String reason, String legalBasis) {
        return new Verdict(actor, reason, legalBasis);
    }

    static Case inReview() {
        var c = open(false);
        c.startReview("li.si", on(ACCEPTED));
        return c;
    }

    static String slug(Throwable e) {
        return ((Refusal) e).slug();
    }

    @Test
    void aCaseThatWaitsHasNoClockUntilItStarts() {
        var c = open(true);
        assertThat(c.status()).isEqualTo(Status.WAITING);
        assertThat(c.clock(d("2026-09-30"), CALENDAR).startedOn()).isNull();
        assertThatThrownBy(() -> c.startReview("li.si", on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        c.start(List.of(), on(d("2026-09-29")));

        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.clock(d("2026-09-29"), CALENDAR).dueDate())
                .isEqualTo(CALENDAR.plusWorkingDays(d("2026-09-29"), 5));
    }

    @Test
    void startingTheReviewClaimsTheCaseAndOthersCannotTakeIt() {
        var c = open(false);
        c.startReview("li.si", on(ACCEPTED));

        assertThat(c.status()).isEqualTo(Status.IN_REVIEW);
        assertThat(c.assignee()).isEqualTo("li.si");
        assertThat(c.step()).isEqualTo("REVIEW");
        assertThatThrownBy(() -> c.claim("wang.wu", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("claimed-by-other"));
        assertThatThrownBy(() -> c.requireAssigneeOrHead("wang.wu", false))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("claimed-by-other"));
        c.requireAssigneeOrHead("the.head", true);
    }

    @Test
    void decisionsOnlyAtTheDecisionStep() {
        var c = inReview();

        assertThatThrownBy(() -> c.approve(by("li.si", null, null), on(ACCEPTED), Optional::empty))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("not-at-decision-step"));

        assertThat(c.advance("li.si", null, on(ACCEPTED))).isEqualTo("REVIEW");
        assertThat(c.step()).isEqualTo("DECIDE");
        assertThatThrownBy(() -> c.advance("li.si", null, on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("at-decision-step"));

        c.approve(by("li.si", "符合条件", null), on(d("2026-09-29")), Optional::empty);
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.step()).isEqualTo("ISSUE");
        assertThat(c.decision().daysUsed()).isEqualTo(3);
        assertThat(c.decision().onTime()).isTrue();
        assertThat(c.clock(d("2026-12-01"), CALENDAR).running()).isFalse();

        // nothing happens to a decided case any more
        assertThatThrownBy(() -> c.claim("li.si", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
        assertThatThrownBy(() -> c.withdraw(null, on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void aRejectionNeedsReasonAndLegalBasis() {
        var c = inReview();
        c.advance("li.si", null, on(ACCEPTED));

        assertThatThrownBy(() -> c.reject(by("li.si", "材料虚假", " "), on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("reason-and-legal-basis-required"));

        c.reject(by("li.si", "材料虚假", "《食品经营许可管理办法》第十五条"), on(ACCEPTED));
        assertThat(c.status()).isEqualTo(Status.REJECTED);
        assertThat(c.decision().legalBasis()).contains("第十五条");
    }

    @Test
    void oneSupplementRequestASecondOnlyWithTheHeadsApprovalNeverAThird() {
        var c = inReview();

        assertThatThrownBy(() -> c.approveSecondSupplement("the.head", "why", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("first-supplement-unused"));
        assertThat(c.requestSupplement("li.si", List.of(), "缺材料", on(d("2026-09-24"))))
                .isEqualTo(1);
        assertThat(c.status()).isEqualTo(Status.SUPPLEMENT_REQUESTED);
        assertThatThrownBy(() -> c.requestSupplement("li.si", List.of(), "缺材料", on(d("2026-09-24"))))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        var pause = c.resume("li.si", null, on(d("2026-09-29")));
        assertThat(pause.kind()).isEqualTo("SUPPLEMENT");
        assertThat(pause.workingDays()).isEqualTo(2); // Mon 28, Tue 29 (Fri 25 to Sun 27 Mid-Autumn)

        assertThatThrownBy(() -> c.requestSupplement("li.si", List.of(), "缺材料", on(d("2026-09-30"))))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("second-supplement-not-approved"));

        c.approveSecondSupplement("the.head", "申请人变更经营场所", NOW);
        assertThat(c.requestSupplement("li.si", List.of(), "缺材料", on(d("2026-09-30"))))
                .isEqualTo(2);
        c.resume("li.si", null, on(d("2026-10-08")));

        assertThatThrownBy(() -> c.requestSupplement("li.si", List.of(), "缺材料", on(d("2026-10-09"))))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("supplements-exhausted"));
        // used: Thu 24 and Wed 30 Sep (the days the requests were made); not counted: Mon 28, Tue 29, Thu 8 Oct
        var clock = c.clock(d("2026-10-08"), CALENDAR);
        assertThat(clock.suspendedWorkingDays()).isEqualTo(3);
        assertThat(clock.workingDaysUsed()).isEqualTo(2);
    }

    @Test
    void onlyTheSpecialProceduresOfTheCurrentStepSuspend() {
        var c = inReview();

        assertThatThrownBy(() -> c.suspend("li.si", "EXPERT_REVIEW", 5, "专家评审", on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("procedure-not-in-step"));
        c.suspend("li.si", "SITE_INSPECTION", 5, "现场核查", on(d("2026-09-24")));
        assertThat(c.status()).isEqualTo(Status.SUSPENDED);
        assertThatThrownBy(() -> c.suspend("li.si", "SITE_INSPECTION", 5, "现场核查", on(d("2026-09-24"))))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
        assertThatThrownBy(() -> c.advance("li.si", null, on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        var pause = c.resume("li.si", null, on(d("2026-09-28")));
        assertThat(pause.kind()).isEqualTo("SITE_INSPECTION");
        assertThat(pause.workingDays()).isEqualTo(1);

        c.advance("li.si", null, on(ACCEPTED));
        assertThatThrownBy(() -> c.suspend("li.si", "SITE_INSPECTION", 5, "现场核查", on(d("2026-09-28"))))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("procedure-not-in-step"));
    }

    @Test
    void resumeOnlyWhatIsPaused() {
        var c = inReview();
        assertThatThrownBy(() -> c.resume("li.si", null, on(ACCEPTED)))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void aWindowDecisionDecidesAJustOpenedCaseInOneStep() {
        var c = open(false);
        c.decideAtWindow(Status.APPROVED, by("clerk.zhao", null, null), 7L, "granted", on(ACCEPTED), Optional::empty);

        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.decision().atWindow()).isTrue();
        assertThat(c.decision().delegationId()).isEqualTo(7L);
        assertThat(c.decision().daysUsed()).isZero();
        assertThat(c.assignee()).isEqualTo("clerk.zhao");

        var reviewed = inReview();
        assertThatThrownBy(() -> reviewed.decideAtWindow(
                        Status.APPROVED, by("clerk.zhao", null, null), 7L, "granted", on(ACCEPTED), Optional::empty))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void withdrawalStopsTheClockAndEndsAPause() {
        var c = inReview();
        c.suspend("li.si", "SITE_INSPECTION", 5, "现场核查", on(d("2026-09-24")));

        Integer paused = c.withdraw("不再经营", on(d("2026-09-29")));

        assertThat(paused).isEqualTo(2);
        assertThat(c.status()).isEqualTo(Status.WITHDRAWN);
        var clock = c.clock(d("2026-12-01"), CALENDAR);
        assertThat(clock.running()).isFalse();
        assertThat(clock.workingDaysUsed()).isEqualTo(1);
    }

    @Test
    void warningAndOverdueAreMarkedOnce() {
        var c = open(false);
        assertThat(c.warn(on(ACCEPTED))).isTrue();
        assertThat(c.warn(on(ACCEPTED))).isFalse();
        assertThat(c.markOverdue(on(ACCEPTED))).isTrue();
        assertThat(c.markOverdue(on(ACCEPTED))).isFalse();
    }

    @Test
    void theStandardProcedureAndTheDecisionStepOfShortProcedures() {
        assertThat(Procedure.standard().decisionIndex()).isEqualTo(1);
        var decideOnly = new Procedure(List.of(new Procedure.Step("DECIDE", null, List.of())));
        assertThat(decideOnly.decisionIndex()).isZero();
        assertThat(decideOnly.finalIndex()).isZero();
        var reviewIssue = new Procedure(
                List.of(new Procedure.Step("CHECK", null, List.of()), new Procedure.Step("ISSUE", null, List.of())));
        assertThat(reviewIssue.decisionIndex()).isZero();
        assertThat(reviewIssue.finalIndex()).isEqualTo(1);
    }

    @Test
    void theCaseRecordsItsEntriesAuditOnlyWithoutAnEvent() {
        var c = open(false);
        c.claim("li.si", NOW);
        c.startReview("li.si", on(ACCEPTED));

        var entries = c.pullEntries();

        assertThat(entries).extracting(Journal.Entry::action).containsExactly("OPENED", "CLAIMED", "REVIEW_STARTED");
        assertThat(entries.get(1).event()).isNull();
        assertThat(entries.get(1).payload()).isEqualTo(java.util.Map.of("assignee", "li.si"));
        assertThat(entries.get(2).event().status()).isEqualTo("IN_REVIEW");
        assertThat(c.pullEntries()).isEmpty();
    }
}
