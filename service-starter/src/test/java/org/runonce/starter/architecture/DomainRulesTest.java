package org.runonce.starter.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class DomainRulesTest {

    @Test
    void aDomainClassImportingSpringBreaksTheRule() {
        var classes = new ClassFileImporter().importPackages("org.runonce.starter.architecture.fixture.bad");

        var result = DomainRules.noSpringInDomainLogic().evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Payment").contains("HttpStatus"));
    }

    @Test
    void beansAndWhatIsNestedInThemMayUseSpringWhileThePlainDomainDoesNot() {
        var classes = new ClassFileImporter().importPackages("org.runonce.starter.architecture.fixture.good");

        DomainRules.noSpringInDomainLogic().check(classes);
    }
}
