package org.runonce.intake.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.intake.ApplicationAccepted;
import org.runonce.contracts.intake.ApplicationCompleted;
import org.runonce.contracts.intake.ApplicationEvaluated;
import org.runonce.contracts.intake.ApplicationMaterialsSupplied;
import org.runonce.contracts.intake.ApplicationPledgeOverdue;
import org.runonce.contracts.intake.ApplicationRatingFollowedUp;
import org.runonce.contracts.intake.ApplicationRefused;
import org.runonce.contracts.intake.ApplicationResultDelivered;
import org.runonce.contracts.intake.ApplicationSubmitted;
import org.runonce.contracts.intake.ApplicationSupplementRequested;
import org.runonce.contracts.intake.ApplicationWithdrawn;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.completeness.Requirements;

/** Every event the aggregate records, in its CloudEvent envelope, satisfies the schema consumers test against. */
class IntakeEventSchemaTest {

    final List<IntakeEvents.Outgoing> recorded = new ArrayList<>();

    @Test
    void everyIntakeEventValidatesAgainstItsSchema() {
        Requirements registration = Fixtures.item("samr-company-registration");
        // submitted + supplement requested, then refused
        Application refused =
                Fixtures.submit(registration, Fixtures.person(), Map.of(), null, Fixtures.terms("2026-11-20T10:00"));
        refused.refuse("不属于本机关职权范围", "《中华人民共和国行政许可法》第三十二条第一款第（二）项", Fixtures.terms("2026-11-20T11:00"));
        recorded.addAll(published(refused));

        // accepted with deficiencies, pledge overdue, materials supplied
        Application pledged = Fixtures.submit(
                registration,
                Fixtures.person(),
                Fixtures.documents(
                        Fixtures.at("2026-11-20T10:00"),
                        "COMPANY_REGISTRATION_APPLICATION",
                        "ARTICLES_OF_ASSOCIATION",
                        "ID_CARD"),
                LocalDate.parse("2026-11-25"),
                Fixtures.terms("2026-11-20T10:00"));
        pledged.markPledgeOverdue(Fixtures.terms("2026-11-26T10:00"));
        pledged.supplement(
                Fixtures.documents(Fixtures.at("2026-11-27T10:00"), "PREMISES_PROOF"),
                Fixtures.terms("2026-11-27T10:00"));
        recorded.addAll(published(pledged));

        // a bundle accepted, completed, delivered by mail, rated badly
        Application bundle = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        for (CaseTrack c : bundle.cases()) {
            bundle.caseProgressed(new CaseUpdate(
                    c.caseNumber(),
                    "APPROVED",
                    c.itemCode().startsWith("samr") ? "BUSINESS_LICENCE-2026-000001" : null,
                    Fixtures.at("2026-11-23T10:00")));
        }
        bundle.deliver("MAIL", "SF1234567890", "杭州市西湖区文三路1号", Fixtures.terms("2026-11-23T11:00"));
        bundle.evaluate(1, "太慢", LocalDate.parse("2026-11-30"), "ONLINE", Fixtures.terms("2026-11-23T12:00"));
        recorded.addAll(published(bundle));

        // withdrawn after acceptance; rated well elsewhere
        Application withdrawn = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.company(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        withdrawn.withdraw("申请人电话告知不再办理", false, null, Fixtures.terms("2026-11-20T10:30"));
        // rated badly though withdrawn, and followed up by a department
        withdrawn.evaluate(2, "被要求撤回", LocalDate.parse("2026-11-27"), "SMS_LINK", Fixtures.terms("2026-11-20T11:00"));
        withdrawn.followUpRating("SAMR", "已回访", Fixtures.terms("2026-11-23T09:00"));
        recorded.addAll(published(withdrawn));

        assertThat(recorded)
                .extracting(IntakeEvents.Outgoing::type)
                .contains(
                        ApplicationSubmitted.TYPE,
                        ApplicationSupplementRequested.TYPE,
                        ApplicationRefused.TYPE,
                        ApplicationAccepted.TYPE,
                        ApplicationPledgeOverdue.TYPE,
                        ApplicationMaterialsSupplied.TYPE,
                        ApplicationCompleted.TYPE,
                        ApplicationResultDelivered.TYPE,
                        ApplicationEvaluated.TYPE,
                        ApplicationWithdrawn.TYPE,
                        ApplicationRatingFollowedUp.TYPE);
        for (IntakeEvents.Outgoing event : recorded) {
            String json = json(event);
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), json))
                    .as(json)
                    .isEmpty();
        }
    }

    @Test
    void anAcceptedEventWithoutCasesOrWithADepartmentIsRejected() {
        Application application = Fixtures.submit(
                Fixtures.bundle("company-startup"),
                Fixtures.person(),
                Fixtures.documents(Fixtures.at("2026-11-20T10:00"), Fixtures.COMPANY_STARTUP_MATERIALS),
                null,
                Fixtures.terms("2026-11-20T10:00"));
        ApplicationAccepted accepted = (ApplicationAccepted) published(application).stream()
                .filter(e -> e.type().equals(ApplicationAccepted.TYPE))
                .findFirst()
                .orElseThrow()
                .data();
        ApplicationAccepted withoutCases = new ApplicationAccepted(
                accepted.applicationNumber(),
                accepted.bundleCode(),
                accepted.applicant(),
                accepted.channel(),
                accepted.region(),
                accepted.filedBy(),
                accepted.acceptedAt(),
                accepted.promisedWorkingDays(),
                accepted.promisedCompletionDate(),
                accepted.withDeficiencies(),
                accepted.pledgeDate(),
                accepted.missingMaterials(),
                accepted.form(),
                List.of());
        String schema = EventSchemas.schemaOf(ApplicationAccepted.TYPE);
        assertThat(EventSchemas.violations(
                        schema, json(new IntakeEvents.Outgoing(ApplicationAccepted.TYPE, withoutCases))))
                .isNotEmpty();
        String withDepartment = DemoCatalog.JSON.writeValueAsString(CloudEvent.of(
                        UUID.randomUUID().toString(),
                        "/runonce/intake",
                        ApplicationAccepted.TYPE,
                        accepted.acceptedAt(),
                        accepted.applicationNumber(),
                        accepted)
                .inDepartment("SAMR"));
        assertThat(EventSchemas.violations(schema, withDepartment)).isNotEmpty();
    }

    static List<IntakeEvents.Outgoing> published(Application application) {
        return application.pullEvents().stream()
                .map(e -> IntakeEvents.of(application, e, "/api/intake/public/ratings/test"))
                .toList();
    }

    static String json(IntakeEvents.Outgoing event) {
        String subject = switch (event.data()) {
            case ApplicationSubmitted e -> e.applicationNumber();
            default -> "330000-2026-000001";
        };
        return DemoCatalog.JSON.writeValueAsString(CloudEvent.of(
                UUID.randomUUID().toString(),
                "/runonce/intake",
                event.type(),
                Fixtures.at("2026-11-20T10:00"),
                subject,
                event.data()));
    }
}
