package org.runonce.approval;

import org.junit.jupiter.api.Test;
import org.runonce.starter.architecture.DomainRules;

/**
 * Domain logic (the case aggregate and its parts, values, policies, events, views) knows nothing of Spring; beans
 * (use cases, repositories, listeners, controllers) wire it to the edges. (ddd-by-examples/library
 * {@code NoSpringInDomainLogicTest}.)
 */
class ArchitectureTest {

    @Test
    void noSpringInDomainLogic() {
        DomainRules.noSpringInDomainLogic().check(DomainRules.classesOf("org.runonce.approval"));
    }
}
