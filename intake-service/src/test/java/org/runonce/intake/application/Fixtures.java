package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runonce.contracts.TestIds;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.catalog.BundleGuide;

/** Applications built from the demo catalog, for unit tests. */
final class Fixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Fixtures() {}

    static Requirements bundle(String code) {
        BundleGuide bundle = DemoCatalog.bundle(code);
        return Requirements.of(
                bundle,
                DemoCatalog.itemsOf(code),
                item -> Optional.ofNullable(DemoCatalog.certificateTypes().get(item)));
    }

    static Requirements item(String code) {
        return Requirements.of(
                null,
                List.of(DemoCatalog.item(code)),
                item -> Optional.ofNullable(DemoCatalog.certificateTypes().get(item)));
    }

    static ApplicantData person() {
        return new ApplicantData("subject-a", "张三", "NATURAL_PERSON", TestIds.residentId(), "zh-CN", null, null);
    }

    static ApplicantData company() {
        return new ApplicantData("subject-c", "杭州一次科技有限公司", "LEGAL_ENTITY", TestIds.creditCode(), "en", null, null);
    }

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static Application.Terms terms(String localDateTime) {
        Instant now = at(localDateTime);
        return new Application.Terms(
                true, DemoCatalog.calendar(), 20, LocalDate.ofInstant(now, ZONE), now, new Actor("clerk-1", "wang.wu"));
    }

    /** A readable document for each code. */
    static Map<String, Provision> documents(Instant at, String... codes) {
        Map<String, Provision> provisions = new LinkedHashMap<>();
        for (String code : codes) {
            provisions.put(code, Provision.document(code, UUID.randomUUID(), true, at));
        }
        return provisions;
    }

    static Application submit(
            Requirements requirements,
            ApplicantData applicant,
            Map<String, Provision> given,
            LocalDate pledge,
            Application.Terms terms) {
        return Application.submit(
                "330000-2026-000001",
                "330000",
                Channel.ONLINE,
                applicant,
                null,
                requirements.items().size() > 1 ? "company-startup" : null,
                null,
                requirements,
                Map.of(),
                given,
                pledge,
                terms);
    }

    static final String[] COMPANY_STARTUP_MATERIALS = {
        "COMPANY_REGISTRATION_APPLICATION",
        "ARTICLES_OF_ASSOCIATION",
        "ID_CARD",
        "PREMISES_PROOF",
        "OFFICER_APPOINTMENTS",
        "SEAL_ENGRAVING_APPLICATION",
        "FINANCE_OFFICER_ID",
        "EMPLOYEE_LIST"
    };
}
