package org.runonce.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Feature packages (routing, security, cors, ratelimit, requestid, problem) must not depend on each other in cycles. */
class ArchitectureTest {

    private final JavaClasses gateway = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.runonce.gateway");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("org.runonce.gateway.(*)..").should().beFreeOfCycles().check(gateway);
    }
}
