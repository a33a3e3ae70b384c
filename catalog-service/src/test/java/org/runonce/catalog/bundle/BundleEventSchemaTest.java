package org.runonce.catalog.bundle;

import static org.runonce.catalog.CatalogEventSchemas.NOW;
import static org.runonce.catalog.CatalogEventSchemas.assertValid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.BundlePublished;

/** The bundle event the catalog produces, in its envelope, satisfies the schema consumers test against. */
class BundleEventSchemaTest {

    @Test
    void bundlePublished() {
        Bundle bundle = Bundle.define(
                "company-startup",
                Bilingual.name("开办企业", "Company start-up"),
                null,
                List.of(
                        BundleItem.of("samr-company-registration"),
                        BundleItem.of("psb-seal-engraving", "samr-company-registration")),
                NOW);
        assertValid(BundlePublished.TYPE, bundle.code(), null, BundleService.published(bundle));
    }
}
