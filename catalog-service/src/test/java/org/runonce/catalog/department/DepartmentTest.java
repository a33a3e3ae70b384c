package org.runonce.catalog.department;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

class DepartmentTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final Name SAMR = Bilingual.name("市场监督管理局", "Administration for Market Regulation");

    @Test
    void changesAreCountedOnlyWhenSomethingChanges() {
        Department department = Department.register("SAMR", SAMR, "330000", null, NOW);

        assertThat(department.change(SAMR, "330000", department.contact(), NOW)).isFalse();
        assertThat(department.revision()).isEqualTo(1);
        assertThat(department.change(SAMR, "330100", department.contact(), NOW)).isTrue();
        assertThat(department.revision()).isEqualTo(2);
    }

    @Test
    void codesNamesAndRegionsAreChecked() {
        assertThatThrownBy(() -> Department.register("samr", SAMR, "330000", null, NOW))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> Department.register("SAMR", Bilingual.name("市场监督管理局", null), "330000", null, NOW))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> Department.register("SAMR", SAMR, "33", null, NOW))
                .isInstanceOf(Refusal.class);
    }
}
