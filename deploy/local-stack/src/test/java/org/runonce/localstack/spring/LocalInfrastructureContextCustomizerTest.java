package org.runonce.localstack.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ContextCustomizer;

class LocalInfrastructureContextCustomizerTest {

    private final LocalInfrastructureContextCustomizerFactory factory =
            new LocalInfrastructureContextCustomizerFactory();

    @WithLocalInfrastructure
    static class CatalogTest {}

    @WithLocalInfrastructure
    static class AnotherCatalogTest {}

    @WithLocalInfrastructure(smtp = true)
    static class NotificationTest {}

    static class PlainTest {}

    static class SubclassTest extends CatalogTest {}

    @Test
    void sameAttributesGiveEqualCustomizersSoSpringReusesTheContext() {
        ContextCustomizer one = factory.createContextCustomizer(CatalogTest.class, List.of());
        ContextCustomizer two = factory.createContextCustomizer(AnotherCatalogTest.class, List.of());
        ContextCustomizer inherited = factory.createContextCustomizer(SubclassTest.class, List.of());

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isEqualTo(inherited);
        assertThat(factory.createContextCustomizer(NotificationTest.class, List.of()))
                .isNotEqualTo(one);
    }

    @Test
    void testsWithoutTheAnnotationAreLeftAlone() {
        assertThat(factory.createContextCustomizer(PlainTest.class, List.of())).isNull();
    }

    @Test
    void databaseComesFromTheAnnotationThenTheTestPropertyThenTheServiceName() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.application.name", "catalog-service")
                .withProperty("runonce.service.name", "catalog")
                .withProperty("runonce.test.database", "catalog_test");

        assertThat(customizer("explicit").databaseName(environment)).isEqualTo("explicit");
        assertThat(customizer("").databaseName(environment)).isEqualTo("catalog_test");
        assertThat(customizer("")
                        .databaseName(new MockEnvironment()
                                .withProperty("spring.application.name", "catalog-service")
                                .withProperty("runonce.service.name", "catalog")))
                .isEqualTo("catalog");
        assertThat(customizer("")
                        .databaseName(new MockEnvironment().withProperty("spring.application.name", "gateway")))
                .isEqualTo("gateway");
    }

    @Test
    void missingDatabaseNameIsExplained() {
        assertThatThrownBy(() -> customizer("").databaseName(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runonce.test.database");
    }

    private static LocalInfrastructureContextCustomizer customizer(String database) {
        return new LocalInfrastructureContextCustomizer(database, true, true, false);
    }
}
