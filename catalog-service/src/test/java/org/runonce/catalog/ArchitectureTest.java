package org.runonce.catalog;

import org.junit.jupiter.api.Test;
import org.runonce.starter.architecture.DomainRules;

/** Domain logic (aggregates, values, policies) is plain Java: Spring stays in beans and {@code web}. */
class ArchitectureTest {

    @Test
    void noSpringInDomainLogic() {
        DomainRules.noSpringInDomainLogic().check(DomainRules.classesOf("org.runonce.catalog"));
    }
}
