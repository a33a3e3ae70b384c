package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.MaterialReference;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;
import org.runonce.starter.domain.Refusal;

class ApplicationTest {

    @Test
    void aBundleWithNothingHandedInGetsOneNoticeListingEverything() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Map.of(),
                null,
                Fixtures.terms("2026-09-30T10:00"));

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_SUPPLEMENT);
        assertThat(application.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.number()).isEqualTo("330000-2026-000001-N1");
            assertThat(notice.second()).isFalse();
            assertThat(notice.items())
                    .extracting(Notice.Item::materialCode)
                    .containsExactlyInAnyOrder(Fixtures.COMPANY_STARTUP_MATERIALS);
            assertThat(notice.items())
                    .filteredOn(i -> i.materialCode().equals("COMPANY_REGISTRATION_APPLICATION"))
                    .singleElement()
                    .extracting(Notice.Item::templateUrl)
                    .isEqualTo("https://zwfw.example.gov.cn/templates/company-registration.docx");
        });
        assertThat(application.pullEvents())
                .extracting(e -> Fixtures.published(application, e).type())
                .containsExactly(ApplicationSubmitted.TYPE, ApplicationSupplementRequested.TYPE);
    }

    @Test
    void supplementingEverythingAskedForIsAcceptedWithoutAnotherNotice() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-09-30T10:00"), "COMPANY_REGISTRATION_APPLICATION", "ID_CARD"),
                null,
                Fixtures.terms("2026-09-30T10:00"));
        application.pullEvents();

        // part of it first: still pending, no second notice
        application.supplement(
                Fixtures.documents(Fixtures.at("2026-09-30T11:00"), "ARTICLES_OF_ASSOCIATION"),
                Fixtures.terms("2026-09-30T11:00"));
        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_SUPPLEMENT);
        assertThat(application.notices()).hasSize(1);
        assertThat(application.pullEvents()).isEmpty();

        application.supplement(
                Fixtures.documents(
                        Fixtures.at("2026-09-30T12:00"),
                        "PREMISES_PROOF",
                        "OFFICER_APPOINTMENTS",
                        "SEAL_ENGRAVING_APPLICATION",
                        "FINANCE_OFFICER_ID",
                        "EMPLOYEE_LIST"),
                Fixtures.terms("2026-09-30T12:00"));

        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(application.notices()).hasSize(1);
        assertThat(application.pullEvents())
                .extracting(e -> Fixtures.published(application, e).type())
                .containsExactly(ApplicationAccepted.TYPE);
    }

    @Test
    void aSecondNoticeListsOnlyWhatCouldNotBeCheckedBeforeAndIsFlagged() {
        Application application = Fixtures.submit(
                Fixtures.item("samr-company-registration"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-09-30T10:00"), "COMPANY_REGISTRATION_APPLICATION", "ID_CARD"),
                null,
                Fixtures.terms("2026-09-30T10:00"));
        var given = Fixtures.documents(Fixtures.at("2026-09-30T11:00"), "PREMISES_PROOF", "OFFICER_APPOINTMENTS");
        given.put(
                "ARTICLES_OF_ASSOCIATION",
                Provision.document(
                        "ARTICLES_OF_ASSOCIATION", UUID.randomUUID(), false, Fixtures.at("2026-09-30T11:00")));

        application.supplement(given, Fixtures.terms("2026-09-30T11:00"));

        assertThat(application.status()).isEqualTo(ApplicationStatus.PENDING_SUPPLEMENT);
        assertThat(application.notices()).hasSize(2);
        Notice second = application.notices().get(1);
        assertThat(second.second()).isTrue();
        assertThat(second.items()).singleElement().satisfies(item -> {
            assertThat(item.materialCode()).isEqualTo("ARTICLES_OF_ASSOCIATION");
            assertThat(item.reason()).isEqualTo(Completeness.DOCUMENT_UNREADABLE);
            assertThat(item.firstListed()).isTrue();
            assertThat(item.cause()).isEqualTo(Notice.SUPPLIED_AFTER_NOTICE);
        });

        // handing the same unreadable file in again brings no third notice
        application.supplement(
                Map.of(
                        "ARTICLES_OF_ASSOCIATION",
                        Provision.document(
                                "ARTICLES_OF_ASSOCIATION", UUID.randomUUID(), false, Fixtures.at("2026-09-30T12:00"))),
                Fixtures.terms("2026-09-30T12:00"));
        assertThat(application.notices()).hasSize(2);
    }

    @Test
    void acceptanceSplitsTheCompanyStartupIntoCasesWithDepartmentsAndDependencies() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));

        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        ApplicationAccepted accepted = (ApplicationAccepted) application.pullEvents().stream()
                .map(e -> Fixtures.published(application, e))
                .filter(e -> e.type().equals(ApplicationAccepted.TYPE))
                .findFirst()
                .orElseThrow()
                .data();
        assertThat(accepted.cases())
                .extracting(ApplicationAccepted.Case::caseNumber, ApplicationAccepted.Case::departmentCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("330000-2026-000001-01", "SAMR"),
                        org.assertj.core.groups.Tuple.tuple("330000-2026-000001-02", "PSB"),
                        org.assertj.core.groups.Tuple.tuple("330000-2026-000001-03", "TAX"),
                        org.assertj.core.groups.Tuple.tuple("330000-2026-000001-04", "HRSS"),
                        org.assertj.core.groups.Tuple.tuple("330000-2026-000001-05", "HSA"));
        assertThat(accepted.cases().getFirst().dependsOn()).isEmpty();
        assertThat(accepted.cases().subList(1, 5)).allSatisfy(c -> {
            assertThat(c.dependsOn()).containsExactly("330000-2026-000001-01");
            assertThat(c.materials())
                    .contains(new MaterialReference("BUSINESS_LICENCE", null, null, "330000-2026-000001-01"));
        });
        assertThat(accepted.cases().getFirst().materials())
                .extracting(MaterialReference::code)
                .containsExactly(
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "ID_CARD",
                        "PREMISES_PROOF",
                        "OFFICER_APPOINTMENTS");
        // licence 1 day, then the others (1, 0, 1, 1) in parallel: 2 working days; Friday 2026-11-20 -> Tuesday
        assertThat(accepted.promisedWorkingDays()).isEqualTo(2);
        assertThat(accepted.promisedCompletionDate()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(accepted.withDeficiencies()).isFalse();
        assertThat(application.cases())
                .extracting(CaseTrack::status)
                .containsExactly("PENDING", "WAITING", "WAITING", "WAITING", "WAITING");
    }

    @Test
    void thePromisedDateSkipsNationalDayAndCountsTheMakeUpSaturday() {
        Application application = Fixtures.submit(
                Fixtures.item("samr-food-business-licence"),
                Fixtures.company(),
                Fixtures.documents(
                        Fixtures.at("2026-09-30T10:00"),
                        "FOOD_BUSINESS_APPLICATION",
                        "BUSINESS_LICENCE",
                        "PREMISES_LAYOUT",
                        "FOOD_SAFETY_RULES",
                        "FOOD_SAFETY_MANAGER"),
                null,
                Fixtures.terms("2026-09-30T10:00"));

        // 5 working days after Wed 2026-09-30: 10-01..10-07 off, Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13
        assertThat(application.acceptance().orElseThrow().promisedDate()).isEqualTo(LocalDate.parse("2026-10-13"));
    }

    @Test
    void aPledgeAcceptsWithDeficienciesOnlyForNonKeyMaterialsAndGoesOverdue() {
        Requirements requirements = Fixtures.item("samr-company-registration");
        Application keyMissing = Fixtures.submit(
                requirements,
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), "COMPANY_REGISTRATION_APPLICATION"),
                LocalDate.parse("2026-11-27"),
                Fixtures.terms("2026-11-20T10:00"));
        assertThat(keyMissing.status()).isEqualTo(ApplicationStatus.PENDING_SUPPLEMENT);
        assertThat(keyMissing.notices().getFirst().acceptableWithPledge()).isFalse();
        assertThatThrownBy(() -> keyMissing.pledge(LocalDate.parse("2026-11-27"), Fixtures.terms("2026-11-20T11:00")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Key materials are missing");

        Application application = Fixtures.submit(
                requirements,
                Fixtures.person(),
                Fixtures.documents(
                        Fixtures.at("2026-11-20T10:00"),
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "ID_CARD"),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        assertThat(application.notices().getFirst().acceptableWithPledge()).isTrue();
        assertThatThrownBy(() -> application.pledge(LocalDate.parse("2027-06-01"), Fixtures.terms("2026-11-20T11:00")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("working days ahead");

        application.pledge(LocalDate.parse("2026-11-27"), Fixtures.terms("2026-11-20T11:00"));
        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        Acceptance acceptance = application.acceptance().orElseThrow();
        assertThat(acceptance.withDeficiencies()).isTrue();
        assertThat(acceptance.missing()).containsExactly("PREMISES_PROOF", "OFFICER_APPOINTMENTS");

        assertThat(application.markPledgeOverdue(Fixtures.terms("2026-11-27T18:00")))
                .isFalse();
        application.pullEvents();
        assertThat(application.markPledgeOverdue(Fixtures.terms("2026-11-28T09:00")))
                .isTrue();
        assertThat(application.status()).isEqualTo(ApplicationStatus.OVERDUE_PLEDGE);
        assertThat(application.pullEvents())
                .extracting(e -> Fixtures.published(application, e).type())
                .containsExactly(ApplicationPledgeOverdue.TYPE);

        application.supplement(
                Fixtures.documents(Fixtures.at("2026-11-30T10:00"), "PREMISES_PROOF", "OFFICER_APPOINTMENTS"),
                Fixtures.terms("2026-11-30T10:00"));
        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(application.acceptance().orElseThrow().missing()).isEmpty();
        assertThat(application.cases().getFirst().materials())
                .extracting(CaseMaterial::code)
                .contains("PREMISES_PROOF", "OFFICER_APPOINTMENTS");
    }

    @Test
    void everyCaseDecidedCompletesTheApplicationThenDeliveryAndEvaluationHappenOnce() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        application.pullEvents();
        List<String> numbers =
                application.cases().stream().map(CaseTrack::caseNumber).toList();

        application.caseProgressed(new CaseUpdate(
                numbers.get(0), "APPROVED", "BUSINESS_LICENCE-2026-000001", Fixtures.at("2026-11-20T15:00")));
        // a late redelivery of an older status does not reopen a decided case
        assertThat(application.caseProgressed(
                        new CaseUpdate(numbers.get(0), "IN_REVIEW", null, Fixtures.at("2026-11-20T14:00"))))
                .isFalse();
        for (String number : numbers.subList(1, 5)) {
            assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
            application.caseProgressed(new CaseUpdate(number, "APPROVED", null, Fixtures.at("2026-11-23T10:00")));
        }

        assertThat(application.status()).isEqualTo(ApplicationStatus.COMPLETED);
        assertThat(application.pullEvents())
                .extracting(e -> Fixtures.published(application, e).type())
                .containsExactly(ApplicationCompleted.TYPE);
        assertThatThrownBy(() -> application.withdraw(null, true, null, Fixtures.terms("2026-11-23T11:00")))
                .isInstanceOf(Refusal.class);

        assertThatThrownBy(() -> application.deliver("MAIL", null, null, Fixtures.terms("2026-11-23T11:00")))
                .isInstanceOf(Refusal.class);
        application.deliver("WINDOW_PICKUP", null, null, Fixtures.terms("2026-11-23T11:00"));
        assertThatThrownBy(() -> application.deliver("ELECTRONIC", null, null, Fixtures.terms("2026-11-23T12:00")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("delivered");
        assertThat(application.visitCount()).isEqualTo(1);

        application.evaluate(2, "窗口排队太久", LocalDate.parse("2026-11-30"), "ONLINE", Fixtures.terms("2026-11-23T12:00"));
        ApplicationEvaluated evaluated = (ApplicationEvaluated)
                Fixtures.published(application, application.pullEvents().getLast())
                        .data();
        assertThat(evaluated.followUpDue()).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(evaluated.departmentCodes()).containsExactly("SAMR", "PSB", "TAX", "HRSS", "HSA");
        assertThatThrownBy(() -> application.evaluate(5, null, null, "ONLINE", Fixtures.terms("2026-11-23T13:00")))
                .isInstanceOf(Refusal.class);
    }

    @Test
    void aDepartmentsSupplementRequestIsAnsweredAsAWholeAndOnlyItsCaseGetsTheMaterials() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        application.pullEvents();
        CaseTrack samr = application.cases().getFirst();
        assertThatThrownBy(() -> application.supplement(
                        Fixtures.documents(Fixtures.at("2026-11-23T09:00"), "ARTICLES_OF_ASSOCIATION"),
                        Fixtures.terms("2026-11-23T09:00")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("supplement-not-expected"));

        var request = new CaseTrack.DepartmentRequest(
                1,
                List.of(
                        new CaseTrack.RequestedMaterial("ARTICLES_OF_ASSOCIATION", "全体股东签字的公司章程"),
                        new CaseTrack.RequestedMaterial("PREMISES_PROOF", "住所证明已过期")),
                "章程未签字",
                Fixtures.at("2026-11-23T10:00"),
                null);
        var progress = new CaseTrack.Progress("REVIEW", "samr.reviewer", null, 0, false, false);
        assertThat(application.caseProgressed(new CaseUpdate(
                        samr.caseNumber(),
                        "SUPPLEMENT_REQUESTED",
                        null,
                        Fixtures.at("2026-11-23T10:00"),
                        progress,
                        null,
                        null,
                        request)))
                .isTrue();
        assertThat(application.cases().getFirst().openRequest()).contains(request);

        // part of the request, or something not asked for: refused, nothing recorded
        assertThatThrownBy(() -> application.supplement(
                        Fixtures.documents(Fixtures.at("2026-11-24T09:00"), "ARTICLES_OF_ASSOCIATION"),
                        Fixtures.terms("2026-11-24T09:00")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("supplement-refused"));
        assertThatThrownBy(() -> application.supplement(
                        Fixtures.documents(
                                Fixtures.at("2026-11-24T09:00"),
                                "ARTICLES_OF_ASSOCIATION",
                                "PREMISES_PROOF",
                                "EMPLOYEE_LIST"),
                        Fixtures.terms("2026-11-24T09:00")))
                .isInstanceOf(Refusal.class);
        assertThat(application.pullEvents()).isEmpty();
        assertThat(application.cases().getFirst().openRequest()).isPresent();

        Map<String, Provision> answer =
                Fixtures.documents(Fixtures.at("2026-11-24T10:00"), "ARTICLES_OF_ASSOCIATION", "PREMISES_PROOF");
        application.supplement(answer, Fixtures.terms("2026-11-24T10:00"));

        CaseTrack answered = application.cases().getFirst();
        assertThat(answered.openRequest()).isEmpty();
        assertThat(answered.requests().getFirst().answeredAt()).isEqualTo(Fixtures.at("2026-11-24T10:00"));
        assertThat(answered.materials())
                .filteredOn(m -> m.code().equals("ARTICLES_OF_ASSOCIATION"))
                .singleElement()
                .extracting(CaseMaterial::documentId)
                .isEqualTo(answer.get("ARTICLES_OF_ASSOCIATION").documentId().toString());
        var supplied = (org.runonce.contracts.intake.ApplicationMaterialsSupplied)
                Fixtures.published(application, application.pullEvents().getLast())
                        .data();
        assertThat(supplied.cases()).singleElement().satisfies(c -> {
            assertThat(c.caseNumber()).isEqualTo(samr.caseNumber());
            assertThat(c.materials())
                    .extracting(MaterialReference::code)
                    .containsExactlyInAnyOrder("ARTICLES_OF_ASSOCIATION", "PREMISES_PROOF");
        });
        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);

        // answered once: the same materials again are not expected any more
        assertThatThrownBy(() -> application.supplement(answer, Fixtures.terms("2026-11-24T11:00")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.slug()).isEqualTo("supplement-not-expected"));
    }

    @Test
    void electronicDeliveryChosenAtSubmissionIsRecordedOnceWhenTheLastCaseIsDecided() {
        Application application = Fixtures.submit(
                Fixtures.item("samr-company-registration"),
                Fixtures.person(),
                Fixtures.documents(
                        Fixtures.at("2026-11-20T10:00"),
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "ID_CARD",
                        "PREMISES_PROOF",
                        "OFFICER_APPOINTMENTS"),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        application.chooseDelivery("ELECTRONIC", null, Fixtures.terms("2026-11-20T10:01"));
        application.pullEvents();
        String caseNumber = application.cases().getFirst().caseNumber();

        application.caseProgressed(new CaseUpdate(
                caseNumber, "APPROVED", "BUSINESS_LICENCE-2026-000009", Fixtures.at("2026-11-23T10:00")));

        assertThat(application.status()).isEqualTo(ApplicationStatus.COMPLETED);
        List<ApplicationEvent> events = application.pullEvents();
        assertThat(events)
                .extracting(e -> Fixtures.published(application, e).type())
                .containsExactly(ApplicationCompleted.TYPE, ApplicationResultDelivered.TYPE);
        var delivered = (ApplicationResultDelivered)
                Fixtures.published(application, events.getLast()).data();
        assertThat(delivered.method()).isEqualTo("ELECTRONIC");
        assertThat(delivered.certificateNumbers()).containsExactly("BUSINESS_LICENCE-2026-000009");
        assertThatThrownBy(() -> application.deliver("WINDOW_PICKUP", null, null, Fixtures.terms("2026-11-23T11:00")))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("delivery-already-recorded"));
    }

    @Test
    void aClerkWithdrawsWithoutTheApplicantsConfirmationOnlyWithAReasonAndItIsSaidSo() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        application.pullEvents();
        assertThatThrownBy(() -> application.withdraw(" ", false, null, Fixtures.terms("2026-11-20T11:00")))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.slug()).isEqualTo("withdrawal-reason-required"));
        assertThat(application.status()).isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(application.pullEvents()).isEmpty();

        application.withdraw("申请人电话告知不再办理", false, null, Fixtures.terms("2026-11-20T11:00"));

        var withdrawn = (org.runonce.contracts.intake.ApplicationWithdrawn)
                Fixtures.published(application, application.pullEvents().getLast())
                        .data();
        assertThat(withdrawn.confirmedByApplicant()).isFalse();
        assertThat(withdrawn.reason()).isEqualTo("申请人电话告知不再办理");
        // the service is rated even so
        application.evaluate(1, "被要求撤回", LocalDate.parse("2026-11-27"), "WINDOW", Fixtures.terms("2026-11-20T12:00"));
        assertThat(application.snapshot().evaluation().departments())
                .containsExactly("SAMR", "PSB", "TAX", "HRSS", "HSA");
    }

    @Test
    void withdrawingClosesTheCasesBeforeAnyDecision() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));

        application.withdraw("changed my mind", true, null, Fixtures.terms("2026-11-20T11:00"));

        assertThat(application.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(application.cases()).extracting(CaseTrack::status).containsOnly("WITHDRAWN");
        assertThat(application.caseProgressed(new CaseUpdate(
                        application.cases().getFirst().caseNumber(),
                        "APPROVED",
                        null,
                        Fixtures.at("2026-11-21T10:00"))))
                .isFalse();
    }

    @Test
    void contactsOnTheSameDayAreOneVisit() {
        Application application = Fixtures.submit(
                Fixtures.item("samr-company-registration"),
                Fixtures.person(),
                Map.of(),
                null,
                Fixtures.terms("2026-11-20T10:00"));

        application.recordVisit("CONSULTATION", Fixtures.terms("2026-11-20T10:00"));
        application.recordVisit("SUPPLEMENT", Fixtures.terms("2026-11-20T15:00"));
        assertThat(application.visitCount()).isEqualTo(1);
        application.recordVisit("SUPPLEMENT", Fixtures.terms("2026-11-23T09:00"));
        assertThat(application.visitCount()).isEqualTo(2);
    }

    @Test
    void theCriticalPathOfTheHomeTransferChainsAllThreeItems() {
        Requirements requirements = Fixtures.bundle("second-hand-home-transfer");
        // contract filing 1, tax declaration 1, transfer registration 5
        assertThat(CasePlan.criticalPathWorkingDays(requirements.items())).isEqualTo(7);
    }
}
