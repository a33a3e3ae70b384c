package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationPreReviewPassed;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.intake.completeness.Completeness;
import org.runonce.starter.domain.Refusal;

/** Online pre-review (网上预审): the aggregate's transitions, the illegal ones refused. */
class PreReviewTest {

    private static final String ITEM = "hrss-unemployment-benefit";
    private static final List<PreReview.Original> ORIGINALS = List.of();

    /** Submitted online on Friday 2026-11-20, complete, for an item that needs the window's pre-review. */
    private static Application submitted(Channel channel) {
        Terms terms = Fixtures.terms("2026-11-20T10:00");
        return Application.submit(
                new Submission(
                        "330106-2026-000001",
                        "330106",
                        channel,
                        Fixtures.person(),
                        channel == Channel.WINDOW ? new Actor("clerk-1", "wang.wu") : null,
                        new Records.IdentityCheck(
                                Records.IdentityCheck.VERIFIED_ACCOUNT, null, null, terms.now(), "SELF", null),
                        null,
                        null,
                        Fixtures.item(ITEM),
                        Map.of(),
                        Fixtures.documents(terms.now(), "ID_CARD", "TERMINATION_PROOF"),
                        null),
                terms,
                PreReview.required(2));
    }

    private static List<String> published(Application application) {
        return application.pullEvents().stream()
                .map(e -> Fixtures.published(application, e).type())
                .toList();
    }

    private static void refused(Runnable change, String slug) {
        assertThatThrownBy(change::run)
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo(slug));
    }

    @Test
    void aCompleteOnlineSubmissionWaitsForThePreReviewDueInTwoWorkingDays() {
        Application application = submitted(Channel.ONLINE);

        assertThat(application.status()).isEqualTo(ApplicationStatus.PRE_REVIEW);
        assertThat(application.acceptance()).isEmpty();
        assertThat(application.visitCount()).isZero();
        PreReview preReview = application.snapshot().preReview();
        assertThat(preReview.dueDate()).isEqualTo(LocalDate.parse("2026-11-24")); // Friday + Monday, Tuesday
        assertThat(preReview.rounds())
                .singleElement()
                .satisfies(r -> assertThat(r.answeredAt()).isNull());
        assertThat(preReview.overdue(LocalDate.parse("2026-11-24"))).isFalse();
        assertThat(preReview.overdue(LocalDate.parse("2026-11-25"))).isTrue();
        assertThat(published(application)).containsExactly(ApplicationSubmitted.TYPE);
    }

    @Test
    void atAWindowTheApplicantIsThereAndNoPreReviewIsNeeded() {
        Application application = submitted(Channel.WINDOW);

        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(application.snapshot().preReview()).isNull();
    }

    @Test
    void inPreReviewNothingButTheAnswerRefusalOrWithdrawalIsPossible() {
        Application application = submitted(Channel.ONLINE);
        Terms later = Fixtures.terms("2026-11-20T11:00");

        refused(() -> application.checkOriginals(later), "originals-check-not-possible");
        refused(
                () -> application.supplement(Fixtures.documents(later.now(), "ID_CARD"), later),
                "supplement-not-expected");
        refused(() -> application.pledge(LocalDate.parse("2026-11-30"), later), "pledge-not-possible");
        refused(() -> application.acceptAtWindow(later), "acceptance-not-possible");
        assertThat(application.status()).isEqualTo(ApplicationStatus.PRE_REVIEW);
    }

    @Test
    void needsChangesIsOneNoticeListingEveryFindingAndTheCorrectionReturnsToPreReview() {
        Application application = submitted(Channel.ONLINE);
        application.pullEvents();
        Terms monday = Fixtures.terms("2026-11-23T09:00");

        refused(
                () -> application.answerPreReview(PreReview.CHANGES_NEEDED, List.of(), null, ORIGINALS, monday),
                "validation-failed");
        refused(
                () -> application.answerPreReview(
                        PreReview.CHANGES_NEEDED,
                        List.of(new PreReview.Finding("BUSINESS_LICENCE", Completeness.MISSING, null)),
                        null,
                        ORIGINALS,
                        monday),
                "validation-failed");
        assertThat(application.status()).isEqualTo(ApplicationStatus.PRE_REVIEW);

        application.answerPreReview(
                PreReview.CHANGES_NEEDED,
                List.of(
                        new PreReview.Finding("TERMINATION_PROOF", PreReview.CONTENT_INCORRECT, "缺少用人单位盖章"),
                        new PreReview.Finding("ID_CARD", Completeness.DOCUMENT_UNREADABLE, "反面模糊")),
                "请一并更正后重新提交",
                ORIGINALS,
                monday);

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_SUPPLEMENT);
        assertThat(application.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.number()).isEqualTo("330106-2026-000001-N1");
            assertThat(notice.second()).isFalse();
            assertThat(notice.acceptableWithPledge()).isFalse();
            assertThat(notice.items())
                    .extracting(Notice.Item::materialCode, Notice.Item::reason, Notice.Item::note)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "TERMINATION_PROOF", PreReview.CONTENT_INCORRECT, "缺少用人单位盖章"),
                            org.assertj.core.groups.Tuple.tuple("ID_CARD", Completeness.DOCUMENT_UNREADABLE, "反面模糊"));
        });
        List<ApplicationEvent> events = application.pullEvents();
        assertThat(events).singleElement().satisfies(e -> {
            var outgoing = Fixtures.published(application, e);
            assertThat(outgoing.type()).isEqualTo(ApplicationSupplementRequested.TYPE);
            ApplicationSupplementRequested data = (ApplicationSupplementRequested) outgoing.data();
            assertThat(data.deficiencies().getFirst().detail()).isEqualTo("内容有误或不符合要求，请按预审意见更正。 缺少用人单位盖章");
            // the notice reaches the applicant as every one-time notice does, valid against its contract
            assertThat(EventSchemas.violations(
                            EventSchemas.schemaOf(outgoing.type()), IntakeEventSchemaTest.json(outgoing)))
                    .isEmpty();
        });
        assertThat(application.snapshot().preReview().rounds()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(PreReview.CHANGES_NEEDED);
            assertThat(r.answeredBy()).isEqualTo("wang.wu");
            assertThat(r.noticeNumber()).isEqualTo("330106-2026-000001-N1");
            assertThat(r.late()).isFalse();
        });
        refused(
                () -> application.answerPreReview(PreReview.PASSED, List.of(), null, ORIGINALS, monday),
                "pre-review-not-possible");

        // corrected online on Wednesday: pre-reviewed again, due two working days later, nothing accepted
        Terms wednesday = Fixtures.terms("2026-11-25T15:00");
        application.supplement(Fixtures.documents(wednesday.now(), "TERMINATION_PROOF", "ID_CARD"), wednesday);

        assertThat(application.status()).isEqualTo(ApplicationStatus.PRE_REVIEW);
        assertThat(application.snapshot().preReview().dueDate()).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(application.snapshot().preReview().rounds()).hasSize(2);
        assertThat(published(application)).isEmpty();
    }

    @Test
    void passedWaitsForTheOneVisitWhereTheOriginalsAreCheckedAndItIsAccepted() {
        Application application = submitted(Channel.ONLINE);
        application.pullEvents();
        // answered on Wednesday, a day after the due date: recorded as late
        Terms wednesday = Fixtures.terms("2026-11-25T09:00");
        List<PreReview.Original> originals = List.of(new PreReview.Original(
                "TERMINATION_PROOF",
                Fixtures.item(ITEM).material("TERMINATION_PROOF").orElseThrow().name(),
                "ORIGINAL_AND_COPY"));

        refused(
                () -> application.answerPreReview(
                        PreReview.PASSED,
                        List.of(new PreReview.Finding("ID_CARD", Completeness.MISSING, null)),
                        null,
                        originals,
                        wednesday),
                "validation-failed");
        application.answerPreReview(PreReview.PASSED, List.of(), "请携带原件到窗口", originals, wednesday);

        assertThat(application.status()).isEqualTo(ApplicationStatus.PRE_REVIEW_PASSED);
        assertThat(application.snapshot().preReview().originals()).isEqualTo(originals);
        assertThat(application.snapshot().preReview().rounds().getLast().late()).isTrue();
        assertThat(application.snapshot().preReview().dueDate()).isNull();
        // the applicant is told what to bring (notification reads this event)
        assertThat(application.pullEvents()).singleElement().satisfies(e -> {
            var outgoing = Fixtures.published(application, e);
            assertThat(outgoing.type()).isEqualTo(ApplicationPreReviewPassed.TYPE);
            ApplicationPreReviewPassed data = (ApplicationPreReviewPassed) outgoing.data();
            assertThat(data.originals()).extracting(o -> o.materialCode()).containsExactly("TERMINATION_PROOF");
            assertThat(data.note()).isEqualTo("请携带原件到窗口");
            assertThat(data.passedBy()).isEqualTo("wang.wu");
            assertThat(EventSchemas.violations(
                            EventSchemas.schemaOf(outgoing.type()), IntakeEventSchemaTest.json(outgoing)))
                    .isEmpty();
        });
        refused(
                () -> application.answerPreReview(PreReview.PASSED, List.of(), null, originals, wednesday),
                "pre-review-not-possible");
        refused(
                () -> application.supplement(Fixtures.documents(wednesday.now(), "ID_CARD"), wednesday),
                "supplement-not-expected");

        Terms visit = Fixtures.terms("2026-11-26T10:00");
        application.checkOriginals(visit);

        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(application.visitCount()).isEqualTo(1);
        assertThat(application.acceptance().orElseThrow().visitsAtAcceptance()).isEqualTo(1);
        assertThat(application.snapshot().visits())
                .singleElement()
                .extracting(Records.Visit::purpose)
                .isEqualTo("ORIGINALS_CHECK");
        assertThat(application.snapshot().preReview().originalsCheckedBy()).isEqualTo("wang.wu");
        assertThat(published(application)).containsExactly(ApplicationAccepted.TYPE);
        refused(() -> application.checkOriginals(visit), "originals-check-not-possible");
    }

    @Test
    void aClerkMayStillRefuseOrTheApplicantWithdrawInPreReview() {
        Application refusedOne = submitted(Channel.ONLINE);
        refusedOne.refuse("不符合领取条件", "《失业保险条例》第十四条", Fixtures.terms("2026-11-23T09:00"));
        assertThat(refusedOne.status()).isEqualTo(ApplicationStatus.REFUSED);

        Application withdrawn = submitted(Channel.ONLINE);
        withdrawn.answerPreReview(PreReview.PASSED, List.of(), null, ORIGINALS, Fixtures.terms("2026-11-23T09:00"));
        withdrawn.withdraw("已重新就业", true, null, Fixtures.terms("2026-11-23T10:00"));
        assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }
}
