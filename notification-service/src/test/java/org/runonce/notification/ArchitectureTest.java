package org.runonce.notification;

import org.junit.jupiter.api.Test;
import org.runonce.starter.architecture.DomainRules;

/** Domain logic (notices, rules, templates, backoff, subscriptions) is plain Java: Spring stays in beans and web. */
class ArchitectureTest {

    @Test
    void noSpringInDomainLogic() {
        DomainRules.noSpringInDomainLogic().check(DomainRules.classesOf("org.runonce.notification"));
    }
}
