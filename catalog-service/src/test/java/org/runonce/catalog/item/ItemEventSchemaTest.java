package org.runonce.catalog.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.catalog.CatalogEventSchemas.NOW;
import static org.runonce.catalog.CatalogEventSchemas.assertValid;
import static org.runonce.catalog.item.Guides.guide;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.Bilingual;
import org.runonce.catalog.CatalogEventSchemas;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;

/** The item events the catalog produces, in their envelopes, satisfy the schemas consumers test against. */
class ItemEventSchemaTest {

    @Test
    void publishedAndRetiredItemVersions() {
        Item item = Item.create(
                "samr-food-business-licence",
                guide().materials(
                                Guides.material("APPLICATION", true, true),
                                Guides.satisfiedBy("BUSINESS_LICENCE", "samr-company-registration"))
                        .steps(List.of(new ProcedureStep(
                                "REVIEW",
                                Bilingual.name("审查", "Review"),
                                "现场核查",
                                List.of(SpecialProcedure.SITE_INSPECTION))))
                        .fee("《某收费标准》")
                        .build(),
                NOW);
        ItemVersion published = item.publish(1, LocalDate.parse("2026-12-01"), null, code -> true, NOW);

        assertValid(ItemVersionPublished.TYPE, item.code(), "SAMR", ItemEvents.published(published));

        ItemVersion retired = item.retire(1, LocalDate.parse("2026-12-31"), LocalDate.parse("2026-11-21"), NOW);
        assertValid(ItemVersionRetired.TYPE, item.code(), "SAMR", ItemEvents.retired(retired));
    }

    @Test
    void theSchemaRejectsAnIncompleteGuide() {
        Item item = Item.create("samr-company-registration", guide().build(), NOW);
        ItemVersionPublished data =
                ItemEvents.published(item.publish(1, LocalDate.parse("2026-12-01"), null, code -> true, NOW));
        ItemVersionPublished withoutComplaintChannel = new ItemVersionPublished(
                data.itemCode(),
                data.version(),
                data.validFrom(),
                data.validTo(),
                data.publishedAt(),
                data.kind(),
                data.departmentCode(),
                data.name(),
                data.legalBasis(),
                data.acceptanceConditions(),
                data.steps(),
                data.materials(),
                data.fees(),
                data.timeLimits(),
                data.handlingMode(),
                data.visitsRequired(),
                data.result(),
                data.deliveryOptions(),
                data.consultationChannels(),
                List.of(),
                null);

        assertThat(CatalogEventSchemas.violations(
                        ItemVersionPublished.TYPE, data.itemCode(), "SAMR", withoutComplaintChannel))
                .isNotEmpty();
    }
}
