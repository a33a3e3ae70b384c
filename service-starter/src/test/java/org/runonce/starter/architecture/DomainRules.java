package org.runonce.starter.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The architecture rule every service checks beside its Spring Modulith {@code verify()} (which guards cycles and
 * {@code internal} packages): domain logic knows nothing of Spring. Domain logic is every class of the service that
 * is not a Spring bean (a {@code @Component}, {@code @Service}, {@code @Repository}, {@code @Controller},
 * {@code @Configuration}...), not a {@code @ConfigurationProperties} record, not the application class, not in a
 * {@code web} package, and not nested in one of those: aggregates, values, policies, events, views. Beans are the
 * edges (controllers, listeners, repositories, use cases wiring the domain to them) and may use Spring.
 * (ddd-by-examples/library {@code NoSpringInDomainLogicTest}.)
 */
public final class DomainRules {

    private DomainRules() {}

    /** The service's production classes under {@code rootPackage}. */
    public static JavaClasses classesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** No domain class depends on {@code org.springframework..}. */
    public static ArchRule noSpringInDomainLogic() {
        return noClasses()
                .that(DOMAIN_LOGIC)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because(
                        "domain logic (aggregates, values, policies) is plain Java; Spring lives at the edges"
                                + " (beans, web); throw org.runonce.starter.domain.Refusal, use org.runonce.starter.domain.Time");
    }

    static final DescribedPredicate<JavaClass> DOMAIN_LOGIC =
            DescribedPredicate.describe("are domain logic (not beans, configuration, properties or web)", c -> {
                for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                    if (isEdge(k)) {
                        return false;
                    }
                }
                return true;
            });

    private static boolean isEdge(JavaClass c) {
        return c.isMetaAnnotatedWith(Component.class)
                || c.isAnnotatedWith(ConfigurationProperties.class)
                || c.isAnnotatedWith(SpringBootApplication.class)
                || c.getPackageName().matches(".*\\.web(\\..*)?")
                || c.getSimpleName().equals("package-info");
    }
}
