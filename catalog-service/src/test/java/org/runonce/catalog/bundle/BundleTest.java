package org.runonce.catalog.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.runonce.catalog.item.Guides.guide;
import static org.runonce.catalog.item.Guides.material;
import static org.runonce.catalog.item.Guides.satisfiedBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.catalog.item.GuideContent;
import org.runonce.contracts.catalog.Name;
import org.runonce.starter.domain.Refusal;

class BundleTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final Name NAME = Bilingual.name("开办企业", "Company start-up");

    @Test
    void dependencyCyclesAreRefusedNamingTheCycle() {
        List<BundleItem> items = List.of(
                BundleItem.of("licence"),
                BundleItem.of("seal", "tax"),
                BundleItem.of("tax", "social"),
                BundleItem.of("social", "seal", "licence"));

        assertThatThrownBy(() -> Bundle.define("company-startup", NAME, null, items, NOW))
                .isInstanceOfSatisfying(BundleCycle.class, refusal -> {
                    assertThat(refusal.cycle()).containsExactly("seal", "tax", "social", "seal");
                    assertThat(refusal.status()).isEqualTo(422);
                    assertThat(refusal.getMessage()).contains("seal -> tax -> social -> seal");
                });
    }

    @Test
    void anItemDependingOnItselfIsACycle() {
        assertThatThrownBy(() -> Bundle.define(
                        "x-bundle", NAME, null, List.of(BundleItem.of("a", "a"), BundleItem.of("b")), NOW))
                .isInstanceOfSatisfying(
                        BundleCycle.class,
                        refusal -> assertThat(refusal.cycle()).containsExactly("a", "a"));
    }

    @Test
    void dependenciesMustStayInsideTheBundle() {
        assertThatThrownBy(() -> Bundle.define(
                        "x-bundle", NAME, null, List.of(BundleItem.of("a", "elsewhere"), BundleItem.of("b")), NOW))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("not part of bundle");
    }

    @Test
    void redefiningPublishesTheNextVersion() {
        Bundle bundle = Bundle.define("x-bundle", NAME, null, List.of(BundleItem.of("a"), BundleItem.of("b")), NOW);
        bundle.redefine(NAME, "说明", List.of(BundleItem.of("a"), BundleItem.of("b", "a")), NOW);

        assertThat(bundle.version()).isEqualTo(2);
        assertThat(bundle.topologicalOrder()).containsExactly("a", "b");
        assertThatThrownBy(() ->
                        bundle.redefine(NAME, null, List.of(BundleItem.of("a", "b"), BundleItem.of("b", "a")), NOW))
                .isInstanceOf(BundleCycle.class);
        assertThat(bundle.version()).isEqualTo(2);
    }

    @Test
    void materialsAreAskedOnceAndThoseFromAnEarlierCertificateAreMarked() {
        Bundle bundle = companyStartup();
        Map<String, GuideContent> guides = Map.of(
                "licence",
                        guide().materials(material("ID_CARD", true, true), material("ARTICLES", true, true))
                                .timeLimits(15, 3)
                                .build(),
                "seal",
                        guide().materials(material("ID_CARD", true, true), satisfiedBy("BUSINESS_LICENCE", "licence"))
                                .timeLimits(5, 1)
                                .build(),
                "tax",
                        guide().materials(
                                        material("ID_CARD", true, false),
                                        satisfiedBy("BUSINESS_LICENCE", "licence"),
                                        material("BANK_ACCOUNT", false, false))
                                .timeLimits(5, 1)
                                .build(),
                "social",
                        guide().materials(satisfiedBy("BUSINESS_LICENCE", "licence"))
                                .timeLimits(10, 2)
                                .build());

        BundlePlan plan = BundlePlan.of(bundle, guides);

        assertThat(plan.materials())
                .extracting(MergedMaterial::code)
                .containsExactly("ID_CARD", "ARTICLES", "BUSINESS_LICENCE", "BANK_ACCOUNT");
        MergedMaterial idCard = plan.materials().getFirst();
        assertThat(idCard.neededBy()).containsExactly("licence", "seal", "tax");
        assertThat(idCard.key()).isTrue();
        assertThat(idCard.toBeSubmitted()).isTrue();
        MergedMaterial licence = plan.materials().get(2);
        assertThat(licence.satisfiedInBundleBy()).isEqualTo("licence");
        assertThat(licence.toBeSubmitted()).isFalse();
        assertThat(plan.materials().get(3).required()).isFalse();
    }

    @Test
    void aCertificateOnlySatisfiesItemsThatWaitForIt() {
        Bundle bundle =
                Bundle.define("x-bundle", NAME, null, List.of(BundleItem.of("licence"), BundleItem.of("seal")), NOW);
        Map<String, GuideContent> guides = Map.of(
                "licence", guide().build(),
                "seal",
                        guide().materials(satisfiedBy("BUSINESS_LICENCE", "licence"))
                                .build());

        MergedMaterial licence = BundlePlan.of(bundle, guides).materials().stream()
                .filter(m -> m.code().equals("BUSINESS_LICENCE"))
                .findFirst()
                .orElseThrow();

        assertThat(licence.toBeSubmitted()).isTrue();
    }

    @Test
    void promisedDaysFollowTheCriticalPath() {
        // a(2) -> b(5) -> d(1) and a(2) -> c(3) -> d(1); e(4) on its own
        Bundle bundle = Bundle.define(
                "x-bundle",
                NAME,
                null,
                List.of(
                        BundleItem.of("d", "b", "c"),
                        BundleItem.of("a"),
                        BundleItem.of("c", "a"),
                        BundleItem.of("b", "a"),
                        BundleItem.of("e")),
                NOW);
        Map<String, GuideContent> guides = Map.of(
                "a", guide().timeLimits(5, 2).build(),
                "b", guide().timeLimits(10, 5).build(),
                "c", guide().timeLimits(10, 3).build(),
                "d", guide().timeLimits(2, 1).build(),
                "e", guide().timeLimits(20, 4).build());

        BundlePlan plan = BundlePlan.of(bundle, guides);

        assertThat(plan.criticalPath()).containsExactly("a", "b", "d");
        assertThat(plan.promisedWorkingDays()).isEqualTo(8);
        assertThat(plan.statutoryWorkingDays()).isEqualTo(17);
        assertThat(bundle.topologicalOrder()).containsExactly("a", "c", "b", "d", "e");
    }

    @Test
    void companyStartUpTakesTheLicenceThenTheLongestFollowUp() {
        Map<String, GuideContent> guides = Map.of(
                "licence", guide().timeLimits(15, 3).build(),
                "seal", guide().timeLimits(5, 1).build(),
                "tax", guide().timeLimits(5, 1).build(),
                "social", guide().timeLimits(10, 2).build());

        BundlePlan plan = BundlePlan.of(companyStartup(), guides);

        assertThat(plan.criticalPath()).containsExactly("licence", "social");
        assertThat(plan.promisedWorkingDays()).isEqualTo(5);
        assertThat(plan.itemsWithoutGuide()).isEmpty();
    }

    @Test
    void itemsWithoutAGuideInForceAreReported() {
        BundlePlan plan = BundlePlan.of(companyStartup(), Map.of("licence", guide().build()));

        assertThat(plan.itemsWithoutGuide()).containsExactly("seal", "tax", "social");
    }

    private static Bundle companyStartup() {
        return Bundle.define(
                "company-startup",
                NAME,
                null,
                List.of(
                        BundleItem.of("licence"),
                        BundleItem.of("seal", "licence"),
                        BundleItem.of("tax", "licence"),
                        BundleItem.of("social", "licence")),
                NOW);
    }
}
