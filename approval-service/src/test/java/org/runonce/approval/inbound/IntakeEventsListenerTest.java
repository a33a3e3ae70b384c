package org.runonce.approval.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.runonce.approval.Fixtures;
import org.runonce.contracts.EventSchemas;
import tools.jackson.databind.json.JsonMapper;

/** Intake's ApplicationAccepted, valid against intake's schema, becomes the command that opens the cases. */
class IntakeEventsListenerTest {

    @Test
    void anAcceptedBundleBecomesOneCasePerItemWithDependenciesAndMaterials() {
        String app = Fixtures.newApplicationNumber();
        var event = Fixtures.companyStartupAccepted(app, Instant.parse("2026-09-22T02:00:00Z"));
        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(event.type()),
                        JsonMapper.builder().build().writeValueAsString(event)))
                .isEmpty();

        var command = IntakeEventsListener.openCases(event.data());

        assertThat(command.applicationNumber()).isEqualTo(app);
        assertThat(command.bundleCode()).isEqualTo("company-startup");
        assertThat(command.region()).isEqualTo("330000");
        assertThat(command.applicant().idNumber()).isEqualTo("330102199001011234");
        assertThat(command.cases()).hasSize(5);
        var seal = command.cases().get(1);
        assertThat(seal.departmentCode()).isEqualTo("PSB");
        assertThat(seal.dependsOn()).containsExactly(app + "-01");
        assertThat(seal.materials())
                .anySatisfy(m -> assertThat(m.producedByCase()).isEqualTo(app + "-01"))
                .anySatisfy(m -> assertThat(m.documentId()).isNotNull());
    }
}
