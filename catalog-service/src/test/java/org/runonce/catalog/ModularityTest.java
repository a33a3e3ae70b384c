package org.runonce.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages only talk to each other through their top-level API, and never in cycles. */
class ModularityTest {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(CatalogApplication.class).verify();
    }
}
