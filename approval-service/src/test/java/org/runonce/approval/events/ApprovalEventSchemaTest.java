package org.runonce.approval.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.approval.AttachedCertificate;
import org.runonce.contracts.approval.CaseClock;
import org.runonce.contracts.approval.CaseDecided;
import org.runonce.contracts.approval.CaseEvent;
import org.runonce.contracts.approval.CaseHeader;
import org.runonce.contracts.approval.CaseOpened;
import org.runonce.contracts.approval.CaseOverdue;
import org.runonce.contracts.approval.CaseResumed;
import org.runonce.contracts.approval.CaseStarted;
import org.runonce.contracts.approval.CaseSuspended;
import org.runonce.contracts.approval.CaseWarning;
import org.runonce.contracts.approval.CaseWithdrawn;
import org.runonce.contracts.approval.CertificateIssued;
import org.runonce.contracts.approval.CertificateRevoked;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.approval.ReviewStarted;
import org.runonce.contracts.approval.StepAdvanced;
import org.runonce.contracts.approval.SupplementRequested;
import org.runonce.contracts.catalog.Name;
import tools.jackson.databind.json.JsonMapper;

/** Hand-built payloads of every approval event type validate against their schemas; broken ones do not. */
class ApprovalEventSchemaTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    static final String APP = "A-2026-000001";
    static final String CASE = APP + "-01";
    static final CaseClock RUNNING =
            new CaseClock(5, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09"), 1, 4, 0, true, false, false);
    static final CaseClock WAITING = new CaseClock(1, null, null, 0, 1, 0, false, false, false);

    @Test
    void everyCaseEventValidates() {
        List<Object> events = List.of(
                new CaseOpened(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "PENDING",
                                "REVIEW",
                                null,
                                "system",
                                RUNNING),
                        new Name("公司设立登记", "Company registration"),
                        "company-startup",
                        "ZERO_VISIT",
                        List.of(),
                        List.of(),
                        List.of(
                                new CaseOpened.Material("ARTICLES", "doc-1", null, null),
                                new CaseOpened.Material("BUSINESS_LICENCE", null, null, APP + "-02")),
                        NOW),
                new CaseStarted(
                        new CaseHeader(
                                APP,
                                APP + "-02",
                                "psb-seal-engraving",
                                1,
                                "PSB",
                                "PENDING",
                                "REVIEW",
                                null,
                                "system",
                                RUNNING),
                        List.of(new AttachedCertificate("BUSINESS_LICENCE", "BL-1", "BUSINESS_LICENCE", CASE))),
                new ReviewStarted(new CaseHeader(
                        APP,
                        CASE,
                        "samr-company-registration",
                        1,
                        "SAMR",
                        "IN_REVIEW",
                        "REVIEW",
                        "li.si",
                        "li.si",
                        RUNNING)),
                new StepAdvanced(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "IN_REVIEW",
                                "DECIDE",
                                "li.si",
                                "li.si",
                                RUNNING),
                        "REVIEW",
                        null),
                new SupplementRequested(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "SUPPLEMENT_REQUESTED",
                                "REVIEW",
                                "li.si",
                                "li.si",
                                RUNNING),
                        2,
                        List.of(new SupplementRequested.RequestedMaterial("ARTICLES", "signature missing")),
                        "incomplete",
                        "wang.wu",
                        "applicant's new address",
                        true),
                new CaseSuspended(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-food-business-licence",
                                1,
                                "SAMR",
                                "SUSPENDED",
                                "REVIEW",
                                "li.si",
                                "li.si",
                                RUNNING),
                        "SITE_INSPECTION",
                        3,
                        LocalDate.parse("2026-03-05"),
                        "kitchen"),
                new CaseResumed(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-food-business-licence",
                                1,
                                "SAMR",
                                "IN_REVIEW",
                                "REVIEW",
                                "li.si",
                                "li.si",
                                RUNNING),
                        "SUPPLEMENT",
                        2,
                        null),
                new CaseDecided(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "APPROVED",
                                "DECIDE",
                                "li.si",
                                "li.si",
                                RUNNING),
                        "APPROVED",
                        null,
                        null,
                        NOW,
                        false,
                        true,
                        "BL-1"),
                new CaseWithdrawn(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "WITHDRAWN",
                                "REVIEW",
                                null,
                                "system",
                                WAITING),
                        "changed my mind",
                        NOW),
                new CaseWarning(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "PENDING",
                                "REVIEW",
                                null,
                                "system",
                                RUNNING),
                        NOW,
                        List.of("department-head", "supervisor")),
                new CaseOverdue(
                        new CaseHeader(
                                APP,
                                CASE,
                                "samr-company-registration",
                                1,
                                "SAMR",
                                "IN_REVIEW",
                                "REVIEW",
                                "li.si",
                                "system",
                                RUNNING),
                        NOW,
                        List.of("department-head", "supervisor")));
        for (Object data : events) {
            CaseEvent event = (CaseEvent) data;
            assertValid(type(data), event.caseNumber(), event.departmentCode(), data);
        }
    }

    @Test
    void certificateEventsValidate() {
        assertValid(
                CertificateIssued.TYPE,
                CASE,
                "SAMR",
                new CertificateIssued(
                        "BL-1",
                        "BUSINESS_LICENCE",
                        new Name("营业执照", "Business licence"),
                        APP,
                        CASE,
                        "samr-company-registration",
                        "SAMR",
                        new Holder("sub-1", "杭州示例有限公司", null),
                        Map.of("companyName", "杭州示例有限公司"),
                        NOW,
                        null,
                        "k1",
                        "eyJh.eyJi.c2ln"));
        assertValid(
                CertificateRevoked.TYPE,
                CASE,
                "SAMR",
                new CertificateRevoked(
                        "BL-1",
                        "BUSINESS_LICENCE",
                        APP,
                        CASE,
                        "samr-company-registration",
                        "SAMR",
                        "fraud",
                        "wang.wu",
                        NOW));
    }

    @Test
    void aRejectionWithoutLegalBasisAndAWrongStatusAreRefused() {
        var rejected = new CaseDecided(
                new CaseHeader(
                        APP,
                        CASE,
                        "samr-company-registration",
                        1,
                        "SAMR",
                        "REJECTED",
                        "DECIDE",
                        "li.si",
                        "li.si",
                        RUNNING),
                "REJECTED",
                "no",
                null,
                NOW,
                false,
                true,
                null);
        assertThat(violations(CaseDecided.TYPE, CASE, "SAMR", rejected)).isNotEmpty();

        var startedInReview = new CaseStarted(
                new CaseHeader(
                        APP, CASE, "psb-seal-engraving", 1, "PSB", "IN_REVIEW", "REVIEW", null, "system", RUNNING),
                List.of());
        assertThat(violations(CaseStarted.TYPE, CASE, "PSB", startedInReview)).isNotEmpty();

        var withoutDepartment = new ReviewStarted(new CaseHeader(
                APP, CASE, "samr-company-registration", 1, "SAMR", "IN_REVIEW", "REVIEW", "li.si", "li.si", RUNNING));
        assertThat(violations(ReviewStarted.TYPE, CASE, null, withoutDepartment))
                .isNotEmpty();
    }

    static String type(Object data) {
        try {
            return (String) data.getClass().getField("TYPE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertValid(String type, String subject, String department, Object data) {
        assertThat(violations(type, subject, department, data)).as(type).isEmpty();
    }

    static List<String> violations(String type, String subject, String department, Object data) {
        String json = JSON.writeValueAsString(
                CloudEvent.of("5f0c6f3e-1c1e-4c55-9d6c-0d1d2f0b7a11", "/runonce/approval", type, NOW, subject, data)
                        .inDepartment(department));
        return EventSchemas.violations(EventSchemas.schemaOf(type), json);
    }
}
