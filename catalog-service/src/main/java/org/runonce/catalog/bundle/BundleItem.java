package org.runonce.catalog.bundle;

import java.util.List;
import org.runonce.starter.domain.Refusal;

/**
 * One item of a bundle and the items of the same bundle whose output it needs first.
 *
 * @param itemCode the item
 * @param dependsOn items of this bundle that must be decided before this one starts (并联审批 otherwise)
 */
public record BundleItem(String itemCode, List<String> dependsOn) {

    public BundleItem {
        if (itemCode == null || itemCode.isBlank()) {
            throw Refusal.invalid("a bundle item needs an item code");
        }
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public static BundleItem of(String itemCode, String... dependsOn) {
        return new BundleItem(itemCode, List.of(dependsOn));
    }
}
