package org.runonce.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.catalog.item.Guides.guide;
import static org.runonce.catalog.item.Guides.material;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.starter.domain.Refusal;

class CommitmentTest {

    static final Commitment PREMISES = new Commitment(
            Bilingual.name("本人承诺符合许可条件", "I undertake that the conditions are met"), List.of("PREMISES"), 20);

    static Guides marked() {
        return guide().materials(
                        material("APPLICATION_FORM", true, true),
                        material("PREMISES", true, false),
                        material("PHOTO", false, false))
                .commitment(PREMISES);
    }

    @Test
    void aLicenceWithACertificateMayReplaceItsRequiredMaterials() {
        GuideContent content = marked().build();

        assertThat(content.commitment().materials()).containsExactly("PREMISES");
        assertThat(content.violations()).isEmpty();
    }

    @Test
    void withoutACertificateTypeItIsRefused() {
        assertThat(rules(marked().result(null))).containsExactly("COMMITMENT_WITHOUT_CERTIFICATE");
    }

    @Test
    void notForPublicServicesNorItemsOfSeveralVisits() {
        assertThat(rules(marked().kind(ItemKind.PUBLIC_SERVICE))).containsExactly("COMMITMENT_NOT_FOR_KIND");
        assertThat(rules(marked().mode(HandlingMode.MULTIPLE_VISITS, 2)))
                .containsExactly("COMMITMENT_NOT_FOR_HANDLING_MODE");
    }

    @Test
    void onlyRequiredMaterialsOfTheVersionThatNoCertificateProvides() {
        Guides guides = guide().materials(
                        material("APPLICATION_FORM", true, true),
                        material("PHOTO", false, false),
                        new Material(
                                "BUSINESS_LICENCE",
                                Bilingual.name("营业执照", "Business licence"),
                                true,
                                true,
                                MaterialForm.ELECTRONIC,
                                null,
                                null,
                                "samr-company-registration",
                                null))
                .commitment(new Commitment(
                        PREMISES.statement(), List.of("NOT_LISTED", "PHOTO", "BUSINESS_LICENCE", "PHOTO"), 0));

        assertThat(rules(guides))
                .containsExactly(
                        "CHECK_DAYS_OUT_OF_RANGE",
                        "UNKNOWN_MATERIAL",
                        "MATERIAL_NOT_REQUIRED",
                        "MATERIAL_SHARED_BY_CERTIFICATE",
                        "DUPLICATE");
    }

    @SuppressWarnings("unchecked")
    static List<String> rules(Guides guides) {
        var refusal = (Refusal) org.assertj.core.api.Assertions.catchThrowable(guides::build);
        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(400);
        return ((List<Violation>) refusal.members().get("violations"))
                .stream().map(Violation::rule).toList();
    }

    @Test
    void refusedContentIsAProblemNamingTheRule() {
        assertThatThrownBy(() -> marked().result(null).build())
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("commitment");
    }
}
