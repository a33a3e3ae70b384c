package org.runonce.intake.hall;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.runonce.starter.domain.Refusal;

/**
 * A hall or a township/village service point (服务中心 / 便民服务点).
 *
 * @param code stable code, e.g. {@code xihu-hall}
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param level its place in the hierarchy
 * @param region region code: 6 digits for a county, 9 for a township, 12 for a village
 * @param parentCode the point above it, if any
 * @param address where it is
 * @param slotMinutes length of an appointment slot
 * @param hours opening hours
 * @param categories its window categories
 */
public record ServicePoint(
        String code,
        String nameZh,
        String nameEn,
        Level level,
        String region,
        String parentCode,
        String address,
        int slotMinutes,
        OpeningHours hours,
        List<Category> categories) {

    public ServicePoint {
        categories = List.copyOf(categories);
    }

    /** Whether one of its window categories takes the matter (the items and bundles it handles as its own). */
    public boolean takes(Matter matter) {
        return categories.stream().anyMatch(c -> c.takes(matter));
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The category that takes the matter: the requested one, which must take it; else the one naming it, else one
     * taking anything (the comprehensive window).
     */
    Category categoryFor(Matter matter, String requested) {
        if (requested != null) {
            Category category = category(requested)
                    .orElseThrow(() -> Refusal.unprocessable(
                            "category-unknown",
                            "No such window category here",
                            "service point " + code + " has no window category " + requested));
            if (!category.takes(matter)) {
                throw notHandledHere(matter);
            }
            return category;
        }
        return categories.stream()
                .filter(c -> c.takes(matter))
                .min(Comparator.comparing((Category c) -> c.names(matter) ? 0 : 1))
                .orElseThrow(() -> notHandledHere(matter));
    }

    private Refusal notHandledHere(Matter matter) {
        return Refusal.unprocessable(
                        "not-handled-here",
                        "Not handled at this service point",
                        (matter.isBundle() ? "bundle " : "item ") + matter.code() + " is not taken at " + code)
                .with("servicePoint", code);
    }
}
