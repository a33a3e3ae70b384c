package org.runonce.intake.completeness;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.runonce.contracts.TestIds;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.catalog.BundleGuide;

/** Requirements, applicants and materials handed in, from the demo catalog, for unit tests. */
public final class Given {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final String[] COMPANY_STARTUP_MATERIALS = {
        "COMPANY_REGISTRATION_APPLICATION",
        "ARTICLES_OF_ASSOCIATION",
        "ID_CARD",
        "PREMISES_PROOF",
        "OFFICER_APPOINTMENTS",
        "SEAL_ENGRAVING_APPLICATION",
        "FINANCE_OFFICER_ID",
        "EMPLOYEE_LIST"
    };

    private Given() {}

    public static Requirements bundle(String code) {
        BundleGuide bundle = DemoCatalog.bundle(code);
        return Requirements.of(
                bundle,
                DemoCatalog.itemsOf(code),
                item -> Optional.ofNullable(DemoCatalog.certificateTypes().get(item)));
    }

    public static Requirements item(String code) {
        return Requirements.of(
                null,
                List.of(DemoCatalog.item(code)),
                item -> Optional.ofNullable(DemoCatalog.certificateTypes().get(item)));
    }

    public static ApplicantData person() {
        return new ApplicantData("subject-a", "张三", "NATURAL_PERSON", TestIds.residentId(), "zh-CN", null, null);
    }

    public static ApplicantData company() {
        return new ApplicantData("subject-c", "杭州一次科技有限公司", "LEGAL_ENTITY", TestIds.creditCode(), "en", null, null);
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** A readable document for each code. */
    public static Map<String, Provision> documents(Instant at, String... codes) {
        Map<String, Provision> provisions = new LinkedHashMap<>();
        for (String code : codes) {
            provisions.put(code, Provision.document(code, UUID.randomUUID(), true, at));
        }
        return provisions;
    }
}
