package org.runonce.approval.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.contracts.intake.MaterialReference;

/** Materials and prerequisites: certificates of the cases a case needed land on the materials that waited for them. */
class CaseMaterialsTest {

    static final Instant NOW = Instant.parse("2026-09-23T02:00:00Z");

    @Test
    void aCertificateGoesOnTheMaterialsThatWaitedForItsCase() {
        var materials = new CaseMaterials(List.of());
        materials.add(
                List.of(
                        new MaterialReference("SEAL_APPLICATION", "doc-1", null, null),
                        new MaterialReference("BUSINESS_LICENCE", null, null, "A-01")),
                NOW);

        var codes = materials.attachCertificate("A-01", "BL-2026-000001", "ANYTHING", NOW);

        assertThat(codes).containsExactly("BUSINESS_LICENCE");
        assertThat(materials.all()).hasSize(2);
        assertThat(materials.hasCertificate("BL-2026-000001")).isTrue();
        assertThat(materials
                        .latest("BUSINESS_LICENCE")
                        .orElseThrow()
                        .reference()
                        .producedByCase())
                .isEqualTo("A-01");
    }

    @Test
    void aCertificateNoMaterialWaitedForIsAddedUnderTheMaterialItSatisfies() {
        var materials = new CaseMaterials(List.of());

        var codes = materials.attachCertificate("A-01", "BL-2026-000001", "BUSINESS_LICENCE_COPY", NOW);

        assertThat(codes).containsExactly("BUSINESS_LICENCE_COPY");
        var added = materials.all().getFirst();
        assertThat(added.id()).isNull();
        assertThat(added.reference())
                .isEqualTo(new MaterialReference("BUSINESS_LICENCE_COPY", null, "BL-2026-000001", "A-01"));
    }

    @Test
    void prerequisitesWaitForEveryCaseNotApprovedYet() {
        var prerequisites = new Prerequisites(List.of("A-01", "A-02"));

        assertThat(prerequisites.waitingFor(Map.of("A-01", Status.APPROVED))).containsExactly("A-02");
        assertThat(prerequisites.allApproved(Map.of("A-01", Status.APPROVED, "A-02", Status.APPROVED)))
                .isTrue();
        assertThat(Prerequisites.NONE.isEmpty()).isTrue();
    }
}
