package org.runonce.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.runonce.catalog.item.Guides.guide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.starter.domain.Refusal;

class ItemTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-11-21");
    static final Predicate<String> KNOWN = code -> true;

    @Test
    void publishingListsEveryMissingDisclosureAtOnce() {
        GuideContent empty = new GuideContent(
                ItemKind.LICENCE,
                "SAMR",
                Bilingual.name("公司设立登记", "Company registration"),
                null,
                null,
                null,
                null,
                null,
                null,
                HandlingMode.RUN_ONCE,
                1,
                null,
                List.of(DeliveryOption.ELECTRONIC),
                null,
                null,
                null);
        Item item = Item.create("samr-company-registration", empty, NOW);

        assertThatThrownBy(() -> item.publish(1, TODAY, null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .satisfies(refusal -> {
                    assertThat(refusal.missingDisclosures()).containsExactlyInAnyOrder(Disclosure.values());
                    assertThat(refusal.status()).isEqualTo(422);
                    assertThat(refusal.members().get("missingDisclosures"))
                            .isEqualTo(List.of(
                                    "LEGAL_BASIS",
                                    "PROCEDURE",
                                    "CONDITIONS",
                                    "MATERIALS",
                                    "FEES",
                                    "TIME_LIMIT",
                                    "COMPLAINT_CHANNEL"));
                });
        assertThat(item.version(1).orElseThrow().isDraft()).isTrue();
    }

    @Test
    void aFeeWithoutLegalBasisIsNotDisclosed() {
        Item item = Item.create(
                "tax-invoice", guide().fee(null).conditions(List.of()).build(), NOW);

        assertThatThrownBy(() -> item.publish(1, TODAY, null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .extracting(PublicationRefused::missingDisclosures)
                .isEqualTo(java.util.EnumSet.of(Disclosure.FEES, Disclosure.CONDITIONS));
    }

    @Test
    void promisedLimitMustBeAtLeast30PercentBelowStatutory() {
        Item tooSlow = Item.create("a-item", guide().timeLimits(20, 15).build(), NOW);
        assertThatThrownBy(() -> tooSlow.publish(1, TODAY, null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .satisfies(refusal -> {
                    assertThat(refusal.missingDisclosures()).isEmpty();
                    assertThat(refusal.violations())
                            .extracting(Violation::rule)
                            .containsExactly("PROMISED_NOT_30_PERCENT_BELOW_STATUTORY");
                });

        // exactly 70% is allowed (14 = 0.7 * 20), one day more is not
        Item boundary = Item.create("b-item", guide().timeLimits(20, 14).build(), NOW);
        assertThat(boundary.publish(1, TODAY, null, KNOWN, NOW).status()).isEqualTo(VersionStatus.PUBLISHED);
        Item rounded = Item.create("c-item", guide().timeLimits(15, 11).build(), NOW);
        assertThatThrownBy(() -> rounded.publish(1, TODAY, null, KNOWN, NOW)).isInstanceOf(PublicationRefused.class);
    }

    @Test
    void missingDisclosuresAndOtherViolationsAreReportedTogether() {
        Item item = Item.create(
                "d-item",
                guide().legalBasis(List.of())
                        .timeLimits(10, 9)
                        .mode(HandlingMode.ZERO_VISIT, 1)
                        .department("NOPE")
                        .build(),
                NOW);

        assertThatThrownBy(() -> item.publish(1, TODAY, null, code -> !code.equals("NOPE"), NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .satisfies(refusal -> {
                    assertThat(refusal.missingDisclosures()).containsExactly(Disclosure.LEGAL_BASIS);
                    assertThat(refusal.violations())
                            .extracting(Violation::rule)
                            .containsExactlyInAnyOrder(
                                    "PROMISED_NOT_30_PERCENT_BELOW_STATUTORY",
                                    "VISITS_INCONSISTENT_WITH_HANDLING_MODE",
                                    "UNKNOWN_DEPARTMENT");
                });
    }

    @Test
    void publishedVersionsCannotChange() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        item.publish(1, TODAY, null, KNOWN, NOW);

        assertThatThrownBy(() -> item.revise(1, guide().name("改名", "Renamed").build(), NOW))
                .isInstanceOf(VersionImmutable.class)
                .extracting(e -> ((Refusal) e).status())
                .isEqualTo(409);
        assertThatThrownBy(() -> item.publish(1, TODAY.plusDays(1), null, KNOWN, NOW))
                .isInstanceOf(VersionImmutable.class);
        assertThatThrownBy(() -> item.discardDraft(1)).isInstanceOf(VersionImmutable.class);
        assertThat(item.version(1).orElseThrow().content().name().zh()).isEqualTo("公司设立登记");
    }

    @Test
    void draftsCanBeRevisedUntilPublished() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        item.revise(1, guide().name("公司设立登记（修订）", "Company registration").build(), NOW);

        assertThat(item.version(1).orElseThrow().content().name().zh()).isEqualTo("公司设立登记（修订）");
    }

    @Test
    void overlappingValidityIsRefused() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        item.publish(1, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), KNOWN, NOW);
        item.startDraft(guide().build(), NOW);

        assertThatThrownBy(() -> item.publish(2, LocalDate.parse("2026-12-31"), null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .extracting(PublicationRefused::violations)
                .satisfies(v -> assertThat(v).extracting(Violation::rule).containsExactly("VALIDITY_OVERLAPS"));

        // adjacent validity is fine
        item.publish(2, LocalDate.parse("2027-01-01"), null, KNOWN, NOW);
        assertThat(item.inForceOn(LocalDate.parse("2026-12-31")).orElseThrow().number())
                .isEqualTo(1);
        assertThat(item.inForceOn(LocalDate.parse("2027-01-01")).orElseThrow().number())
                .isEqualTo(2);
        assertThat(item.inForceOn(LocalDate.parse("2025-12-31"))).isEmpty();
    }

    @Test
    void anOpenEndedVersionMustBeRetiredBeforeItsSuccessorTakesOver() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        item.publish(1, LocalDate.parse("2026-01-01"), null, KNOWN, NOW);
        item.startDraft(guide().timeLimits(15, 2).build(), NOW);

        assertThatThrownBy(() -> item.publish(2, LocalDate.parse("2027-01-01"), null, KNOWN, NOW))
                .isInstanceOf(PublicationRefused.class);

        item.retire(1, LocalDate.parse("2026-12-31"), TODAY, NOW);
        item.publish(2, LocalDate.parse("2027-01-01"), null, KNOWN, NOW);

        assertThat(item.version(1).orElseThrow().status()).isEqualTo(VersionStatus.RETIRED);
        assertThat(item.inForceOn(TODAY).orElseThrow().number()).isEqualTo(1);
        assertThat(item.inForceOn(LocalDate.parse("2027-01-01")).orElseThrow().number())
                .isEqualTo(2);
    }

    @Test
    void retiringCannotRewriteThePast() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        item.publish(1, LocalDate.parse("2026-01-01"), null, KNOWN, NOW);

        assertThatThrownBy(() -> item.retire(1, LocalDate.parse("2026-06-30"), TODAY, NOW))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("in the past");
        item.retire(1, TODAY.minusDays(1), TODAY, NOW);
        assertThat(item.inForceOn(TODAY)).isEmpty();
        assertThatThrownBy(() -> item.retire(1, TODAY, TODAY, NOW))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).slug())
                .isEqualTo("illegal-transition");
    }

    @Test
    void onlyOneDraftAtATime() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);

        assertThatThrownBy(() -> item.startDraft(guide().build(), NOW))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).slug())
                .isEqualTo("draft-exists");
    }

    @Test
    void anOptionalMaterialCannotBeKey() {
        assertThatThrownBy(() -> Guides.material("X", false, true))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("optional material cannot be a key material");
    }

    @Test
    void handlingModesAndVisitsMustAgree() {
        assertThat(HandlingMode.ZERO_VISIT.allows(0)).isTrue();
        assertThat(HandlingMode.ZERO_VISIT.allows(1)).isFalse();
        assertThat(HandlingMode.ONLINE_PRE_REVIEW.allows(1)).isTrue();
        assertThat(HandlingMode.MULTIPLE_VISITS.allows(1)).isFalse();
        assertThat(HandlingMode.MULTIPLE_VISITS.atMostOneVisit()).isFalse();
        assertThat(HandlingMode.IMMEDIATE.atMostOneVisit()).isTrue();
    }

    @Test
    void aVersionIsPublishedOnlyWithAFormIntakeCanCheckAndAPortalCanRender() {
        Item withoutForm = Item.create("a-item", guide().form(null).build(), NOW);
        assertThatThrownBy(() -> withoutForm.publish(1, TODAY, null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .satisfies(refusal -> assertThat(refusal.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("form", "REQUIRED")));

        java.util.Map<String, Object> form = new java.util.LinkedHashMap<>(Guides.form("companyName", "企业名称", "Name"));
        form.put("additionalProperties", true);
        form.put("required", List.of("companyName", "favouriteColour"));
        form.put("properties", java.util.Map.of("companyName", java.util.Map.of("type", "array", "title", "企业名称")));
        Item badForm = Item.create("b-item", guide().form(form).build(), NOW);
        assertThatThrownBy(() -> badForm.publish(1, TODAY, null, KNOWN, NOW))
                .asInstanceOf(type(PublicationRefused.class))
                .satisfies(refusal -> {
                    assertThat(refusal.violations())
                            .extracting(Violation::rule)
                            .contains("FORM_NOT_IN_PROFILE", "FORM_REQUIRES_UNKNOWN_FIELD");
                    assertThat(refusal.violations())
                            .extracting(Violation::field)
                            .contains("form/additionalProperties", "form/properties/companyName", "form.required");
                });
        assertThat(badForm.version(1).orElseThrow().isDraft()).isTrue();
    }
}
