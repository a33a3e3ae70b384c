package org.runonce.intake;

import org.junit.jupiter.api.Test;
import org.runonce.starter.architecture.DomainRules;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The package rules: feature packages only talk to each other through their top-level API (sub-packages such as
 * {@code application.web} are internal), never in cycles; and domain logic knows nothing of Spring.
 */
class ModularityTest {

    @Test
    void featurePackagesRespectTheirBoundaries() {
        ApplicationModules.of(IntakeApplication.class).verify();
    }

    @Test
    void domainLogicKnowsNothingOfSpring() {
        DomainRules.noSpringInDomainLogic().check(DomainRules.classesOf("org.runonce.intake"));
    }
}
