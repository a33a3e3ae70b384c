package org.runonce.intake.hall;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A window category of a service point (综合受理, 企业开办, 不动产登记, 社会事务...) and what it takes.
 *
 * @param code e.g. {@code COMPANY}
 * @param prefix the letter of its queue tickets, e.g. {@code C} for C012
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param windows windows serving it
 * @param capacityPerSlot appointments it takes per slot
 * @param items item codes it takes ({@code *}: any)
 * @param bundles bundle codes it takes ({@code *}: any)
 */
@Schema(name = "WindowCategory")
public record Category(
        String code,
        String prefix,
        String nameZh,
        String nameEn,
        int windows,
        int capacityPerSlot,
        List<String> items,
        List<String> bundles) {

    static final String ANY = "*";

    public Category {
        items = List.copyOf(items);
        bundles = List.copyOf(bundles);
    }

    /** Whether it names the matter itself (not only through {@code *}). */
    boolean names(Matter matter) {
        return matter.isBundle() ? bundles.contains(matter.code()) : items.contains(matter.code());
    }

    boolean takes(Matter matter) {
        List<String> codes = matter.isBundle() ? bundles : items;
        return codes.contains(ANY) || codes.contains(matter.code());
    }
}
