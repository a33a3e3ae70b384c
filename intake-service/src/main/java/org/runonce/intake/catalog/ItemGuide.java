package org.runonce.intake.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.contracts.catalog.Forms;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.contracts.catalog.ItemVersionPublished.Material;
import org.runonce.contracts.catalog.Name;

/**
 * One published version of an item's service guide, as the catalog announced it.
 *
 * @param published the guide as published
 * @param validTo its last day in force: the published one, or earlier when it was retired
 */
public record ItemGuide(ItemVersionPublished published, LocalDate validTo) {

    public String itemCode() {
        return published.itemCode();
    }

    public int version() {
        return published.version();
    }

    public String departmentCode() {
        return published.departmentCode();
    }

    public Name name() {
        return published.name();
    }

    public List<Material> materials() {
        return published.materials();
    }

    public int promisedWorkingDays() {
        return published.timeLimits() == null ? 0 : published.timeLimits().promisedWorkingDays();
    }

    public List<String> deliveryOptions() {
        return published.deliveryOptions();
    }

    /** The type of e-certificate a decision on this item issues, if it issues one. */
    public Optional<String> certificateType() {
        return Optional.ofNullable(published.result()).map(ItemVersionPublished.Result::certificateType);
    }

    /** The application form published with this version; a version published without one takes no fields. */
    public Map<String, Object> form() {
        return published.form() == null ? Forms.empty() : published.form();
    }

    /** Whether this version is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !published.validFrom().isAfter(date) && (validTo == null || !validTo.isBefore(date));
    }
}
