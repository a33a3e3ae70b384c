package org.runonce.catalog.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.runonce.catalog.item.Guides.guide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runonce.catalog.bundle.Bundle;
import org.runonce.catalog.bundle.BundleItem;
import org.runonce.catalog.bundle.BundleService;
import org.runonce.catalog.calendar.CalendarService;
import org.runonce.catalog.calendar.Festival;
import org.runonce.catalog.calendar.RegionCalendar;
import org.runonce.catalog.department.Contact;
import org.runonce.catalog.department.Department;
import org.runonce.catalog.department.DepartmentService;
import org.runonce.catalog.item.Guides;
import org.runonce.catalog.item.Item;
import org.runonce.catalog.item.ItemEvents;
import org.runonce.catalog.item.ItemVersion;
import org.runonce.catalog.item.SpecialProcedure;
import org.runonce.catalog.shared.Names;
import org.runonce.contracts.CloudEvent;
import org.runonce.contracts.EventSchemas;
import org.runonce.contracts.catalog.BundlePublished;
import org.runonce.contracts.catalog.CalendarPublished;
import org.runonce.contracts.catalog.DepartmentChanged;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionRetired;
import tools.jackson.databind.json.JsonMapper;

/** The payloads the catalog produces, in their envelopes, satisfy the schemas consumers test against. */
class CatalogEventSchemaTest {

    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void publishedAndRetiredItemVersions() {
        Item item = Item.create(
                "samr-food-business-licence",
                guide().materials(
                                Guides.material("APPLICATION", true, true),
                                Guides.satisfiedBy("BUSINESS_LICENCE", "samr-company-registration"))
                        .steps(List.of(new org.runonce.catalog.item.ProcedureStep(
                                "REVIEW", Names.of("审查", "Review"), "现场核查", List.of(SpecialProcedure.SITE_INSPECTION))))
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
                List.of());

        assertThat(EventSchemas.violations(
                        EventSchemas.schemaOf(ItemVersionPublished.TYPE),
                        JSON.writeValueAsString(
                                envelope(ItemVersionPublished.TYPE, data.itemCode(), "SAMR", withoutComplaintChannel))))
                .isNotEmpty();
    }

    @Test
    void bundleCalendarAndDepartment() {
        Bundle bundle = Bundle.define(
                "company-startup",
                Names.of("开办企业", "Company start-up"),
                null,
                List.of(
                        BundleItem.of("samr-company-registration"),
                        BundleItem.of("psb-seal-engraving", "samr-company-registration")),
                NOW);
        assertValid(BundlePublished.TYPE, bundle.code(), null, BundleService.published(bundle));

        RegionCalendar calendar = RegionCalendar.publish(
                "330000",
                2026,
                List.of(new Festival(
                        Names.of("国庆节", "National Day"),
                        LocalDate.parse("2026-10-01"),
                        LocalDate.parse("2026-10-07"),
                        List.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")))),
                false,
                NOW);
        assertValid(CalendarPublished.TYPE, "330000", null, CalendarService.published(calendar));

        Department department = Department.register(
                "SAMR",
                Names.of("市场监督管理局", "Administration for Market Regulation"),
                "330000",
                new Contact("0571-12315", null, null, null),
                NOW);
        assertValid(DepartmentChanged.TYPE, "SAMR", "SAMR", DepartmentService.changed(department));
    }

    private static void assertValid(String type, String subject, String department, Object data) {
        String json = JSON.writeValueAsString(envelope(type, subject, department, data));
        assertThat(EventSchemas.violations(EventSchemas.schemaOf(type), json))
                .as(json)
                .isEmpty();
    }

    private static CloudEvent<Object> envelope(String type, String subject, String department, Object data) {
        return CloudEvent.of(
                "5f0c6f3e-1c1e-4c55-9d6c-0d1d2f0b7a11", "/runonce/catalog", type, NOW, subject, department, data);
    }
}
