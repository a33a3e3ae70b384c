package org.runonce.intake.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.runonce.intake.DemoCatalog;
import org.runonce.intake.completeness.ApplicantData;
import org.runonce.intake.completeness.Given;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirements;

/** Applications built from the demo catalog, for unit tests. */
final class Fixtures {

    static final String[] COMPANY_STARTUP_MATERIALS = Given.COMPANY_STARTUP_MATERIALS;
    static final java.time.ZoneId ZONE = Given.ZONE;

    private Fixtures() {}

    static Requirements bundle(String code) {
        return Given.bundle(code);
    }

    static Requirements item(String code) {
        return Given.item(code);
    }

    static ApplicantData person() {
        return Given.person();
    }

    static ApplicantData company() {
        return Given.company();
    }

    static Instant at(String localDateTime) {
        return Given.at(localDateTime);
    }

    static Terms terms(String localDateTime) {
        Instant now = at(localDateTime);
        return new Terms(
                true,
                DemoCatalog.calendar(),
                20,
                LocalDate.ofInstant(now, Given.ZONE),
                now,
                new Actor("clerk-1", "wang.wu"));
    }

    /** A readable document for each code. */
    static Map<String, Provision> documents(Instant at, String... codes) {
        return Given.documents(at, codes);
    }

    static Application submit(
            Requirements requirements,
            ApplicantData applicant,
            Map<String, Provision> given,
            LocalDate pledge,
            Terms terms) {
        return Application.submit(
                new Submission(
                        "330000-2026-000001",
                        "330000",
                        Channel.ONLINE,
                        applicant,
                        null,
                        new Records.IdentityCheck(
                                Records.IdentityCheck.VERIFIED_ACCOUNT, null, null, terms.now(), "SELF", null),
                        requirements.items().size() > 1 ? "company-startup" : null,
                        null,
                        requirements,
                        Map.of(),
                        given,
                        pledge),
                terms);
    }

    /** The contract record an event is published as. */
    static IntakeEvents.Outgoing published(Application application, ApplicationEvent event) {
        return IntakeEvents.of(application, event, "/api/intake/public/ratings/test");
    }
}
