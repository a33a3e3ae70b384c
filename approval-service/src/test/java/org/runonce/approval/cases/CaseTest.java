package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.approval.cases.Calendars.d;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.calendar.WorkingDayCalendar;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.web.ProblemException;

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

    static Case open(boolean waiting) {
        return Case.open(
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
                NOW,
                5,
                waiting,
                ACCEPTED);
    }

    static Case inReview() {
        var c = open(false);
        c.startReview("li.si", NOW);
        return c;
    }

    static String slug(Throwable e) {
        return ((ProblemException) e).getBody().getType().toString().replace("https://runonce.org/problems/", "");
    }

    @Test
    void aCaseThatWaitsHasNoClockUntilItStarts() {
        var c = open(true);
        assertThat(c.status()).isEqualTo(Status.WAITING);
        assertThat(c.clock(d("2026-09-30"), CALENDAR).startedOn()).isNull();
        assertThatThrownBy(() -> c.startReview("li.si", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        c.start(d("2026-09-29"));

        assertThat(c.status()).isEqualTo(Status.PENDING);
        assertThat(c.clock(d("2026-09-29"), CALENDAR).dueDate())
                .isEqualTo(CALENDAR.plusWorkingDays(d("2026-09-29"), 5));
    }

    @Test
    void startingTheReviewClaimsTheCaseAndOthersCannotTakeIt() {
        var c = open(false);
        c.startReview("li.si", NOW);

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

        assertThatThrownBy(() -> c.approve("li.si", null, null, NOW, ACCEPTED, CALENDAR))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("not-at-decision-step"));

        assertThat(c.advance()).isEqualTo("REVIEW");
        assertThat(c.step()).isEqualTo("DECIDE");
        assertThatThrownBy(c::advance).satisfies(e -> assertThat(slug(e)).isEqualTo("at-decision-step"));

        c.approve("li.si", "符合条件", null, NOW, d("2026-09-29"), CALENDAR);
        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.step()).isEqualTo("ISSUE");
        assertThat(c.decision.daysUsed()).isEqualTo(3);
        assertThat(c.decision.onTime()).isTrue();
        assertThat(c.clock(d("2026-12-01"), CALENDAR).running()).isFalse();

        // nothing happens to a decided case any more
        assertThatThrownBy(() -> c.claim("li.si", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
        assertThatThrownBy(() -> c.withdraw(null, NOW, ACCEPTED, CALENDAR))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void aRejectionNeedsReasonAndLegalBasis() {
        var c = inReview();
        c.advance();

        assertThatThrownBy(() -> c.reject("li.si", "材料虚假", " ", NOW, ACCEPTED, CALENDAR))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("reason-and-legal-basis-required"));

        c.reject("li.si", "材料虚假", "《食品经营许可管理办法》第十五条", NOW, ACCEPTED, CALENDAR);
        assertThat(c.status()).isEqualTo(Status.REJECTED);
        assertThat(c.decision.legalBasis()).contains("第十五条");
    }

    @Test
    void oneSupplementRequestASecondOnlyWithTheHeadsApprovalNeverAThird() {
        var c = inReview();

        assertThatThrownBy(() -> c.approveSecondSupplement("the.head", "why", NOW))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("first-supplement-unused"));
        assertThat(c.requestSupplement(d("2026-09-24"))).isEqualTo(1);
        assertThat(c.status()).isEqualTo(Status.SUPPLEMENT_REQUESTED);
        assertThatThrownBy(() -> c.requestSupplement(d("2026-09-24")))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        var pause = c.resume(d("2026-09-29"), CALENDAR);
        assertThat(pause.kind()).isEqualTo("SUPPLEMENT");
        assertThat(pause.workingDays()).isEqualTo(2); // Mon 28, Tue 29 (Fri 25 to Sun 27 Mid-Autumn)

        assertThatThrownBy(() -> c.requestSupplement(d("2026-09-30")))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("second-supplement-not-approved"));

        c.approveSecondSupplement("the.head", "申请人变更经营场所", NOW);
        assertThat(c.requestSupplement(d("2026-09-30"))).isEqualTo(2);
        c.resume(d("2026-10-08"), CALENDAR);

        assertThatThrownBy(() -> c.requestSupplement(d("2026-10-09")))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("supplements-exhausted"));
        // used: Thu 24 and Wed 30 Sep (the days the requests were made); not counted: Mon 28, Tue 29, Thu 8 Oct
        var clock = c.clock(d("2026-10-08"), CALENDAR);
        assertThat(clock.suspendedWorkingDays()).isEqualTo(3);
        assertThat(clock.workingDaysUsed()).isEqualTo(2);
    }

    @Test
    void onlyTheSpecialProceduresOfTheCurrentStepSuspend() {
        var c = inReview();

        assertThatThrownBy(() -> c.suspend("EXPERT_REVIEW", ACCEPTED))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("procedure-not-in-step"));
        c.suspend("SITE_INSPECTION", d("2026-09-24"));
        assertThat(c.status()).isEqualTo(Status.SUSPENDED);
        assertThatThrownBy(() -> c.suspend("SITE_INSPECTION", d("2026-09-24")))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
        assertThatThrownBy(c::advance).satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));

        var pause = c.resume(d("2026-09-28"), CALENDAR);
        assertThat(pause.kind()).isEqualTo("SITE_INSPECTION");
        assertThat(pause.workingDays()).isEqualTo(1);

        c.advance();
        assertThatThrownBy(() -> c.suspend("SITE_INSPECTION", d("2026-09-28")))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("procedure-not-in-step"));
    }

    @Test
    void resumeOnlyWhatIsPaused() {
        var c = inReview();
        assertThatThrownBy(() -> c.resume(ACCEPTED, CALENDAR))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void aWindowDecisionDecidesAJustOpenedCaseInOneStep() {
        var c = open(false);
        c.decideAtWindow(Status.APPROVED, "clerk.zhao", null, null, 7L, NOW, ACCEPTED, CALENDAR);

        assertThat(c.status()).isEqualTo(Status.APPROVED);
        assertThat(c.decision.atWindow()).isTrue();
        assertThat(c.decision.delegationId()).isEqualTo(7L);
        assertThat(c.decision.daysUsed()).isZero();
        assertThat(c.assignee()).isEqualTo("clerk.zhao");

        var reviewed = inReview();
        assertThatThrownBy(() ->
                        reviewed.decideAtWindow(Status.APPROVED, "clerk.zhao", null, null, 7L, NOW, ACCEPTED, CALENDAR))
                .satisfies(e -> assertThat(slug(e)).isEqualTo("illegal-transition"));
    }

    @Test
    void withdrawalStopsTheClockAndEndsAPause() {
        var c = inReview();
        c.suspend("SITE_INSPECTION", d("2026-09-24"));

        Integer paused = c.withdraw("不再经营", NOW, d("2026-09-29"), CALENDAR);

        assertThat(paused).isEqualTo(2);
        assertThat(c.status()).isEqualTo(Status.WITHDRAWN);
        var clock = c.clock(d("2026-12-01"), CALENDAR);
        assertThat(clock.running()).isFalse();
        assertThat(clock.workingDaysUsed()).isEqualTo(1);
    }

    @Test
    void warningAndOverdueAreMarkedOnce() {
        var c = open(false);
        assertThat(c.warn(NOW)).isTrue();
        assertThat(c.warn(NOW)).isFalse();
        assertThat(c.markOverdue(NOW)).isTrue();
        assertThat(c.markOverdue(NOW)).isFalse();
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
}
