package org.runonce.intake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.intake.DemoCatalog;

/** The catalog events intake's tests feed it are valid against the catalog's own schemas. */
class DemoCatalogFixtureTest {

    @Test
    void everyFixtureEventMatchesTheCatalogSchemaOfItsType() {
        assertThat(DemoCatalog.events()).hasSizeGreaterThan(20);
        for (DemoCatalog.Event event : DemoCatalog.events()) {
            String json = DemoCatalog.JSON.writeValueAsString(CloudEvent.of(
                            "id-" + event.subject(),
                            "/runonce/catalog",
                            event.type(),
                            Instant.parse("2026-01-01T00:00:00Z"),
                            event.subject(),
                            event.data())
                    .inDepartment(event.department()));
            assertThat(EventSchemas.violations(EventSchemas.schemaOf(event.type()), json))
                    .as(event.type() + " " + event.subject())
                    .isEmpty();
        }
    }

    @Test
    void bundlesKnowTheirDependencies() {
        BundleGuide transfer = DemoCatalog.bundle("second-hand-home-transfer");
        assertThat(transfer.ancestorsOf("realestate-transfer-registration"))
                .containsExactlyInAnyOrder("realestate-sales-contract-filing", "tax-second-hand-home-tax-declaration");
        assertThat(transfer.ancestorsOf("tax-second-hand-home-tax-declaration"))
                .containsExactly("realestate-sales-contract-filing");
    }
}
