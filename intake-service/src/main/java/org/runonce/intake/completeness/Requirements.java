package org.runonce.intake.completeness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.runonce.contracts.catalog.ItemVersionPublished;
import org.runonce.intake.catalog.BundleGuide;
import org.runonce.intake.catalog.ItemGuide;

/**
 * What an application needs, fixed at submission from the item versions then in force: the items in bundle order
 * and the merged materials. Later supplements are checked against the same versions.
 *
 * @param items the items, every one after those it depends on
 * @param materials each material once, in the order the items list them
 * @param commitment the commitment the applicant signed for items marked for commitment approval, or null
 */
public record Requirements(List<PinnedItem> items, List<Requirement> materials, Commitment commitment) {

    public Requirements(List<PinnedItem> items, List<Requirement> materials) {
        this(items, materials, null);
    }

    /**
     * The same requirements on the applicant's commitment: each need of an item it covers for a material it replaces
     * is committed (not required of the applicant any more).
     */
    public Requirements committed(Commitment signed) {
        List<Requirement> marked = materials.stream()
                .map(r -> new Requirement(
                        r.code(),
                        r.name(),
                        r.templateUrl(),
                        r.certificateOf(),
                        r.certificateType(),
                        r.needs().stream()
                                .map(n -> signed.materialsOf(n.itemCode()).contains(r.code())
                                        ? new Requirement.Need(n.itemCode(), n.required(), n.key(), n.producer(), true)
                                        : n)
                                .toList()))
                .toList();
        return new Requirements(items, marked, signed);
    }

    /** The materials the commitment replaces for {@code itemCode} (empty without a commitment). */
    public List<String> committedMaterials(String itemCode) {
        return commitment == null ? List.of() : commitment.materialsOf(itemCode);
    }

    /**
     * @param bundle the bundle applied for, or null for a single item
     * @param guides the item versions in force, in the bundle's order
     * @param certificateTypeOf the certificate type an item issues, for checking certificates given as materials
     */
    public static Requirements of(
            BundleGuide bundle, List<ItemGuide> guides, Function<String, Optional<String>> certificateTypeOf) {
        List<PinnedItem> items = new ArrayList<>();
        Map<String, Builder> materials = new LinkedHashMap<>();
        for (ItemGuide guide : guides) {
            List<String> dependsOn = bundle == null ? List.of() : bundle.dependsOn(guide.itemCode());
            Set<String> ancestors = bundle == null ? Set.of() : bundle.ancestorsOf(guide.itemCode());
            items.add(new PinnedItem(
                    guide.itemCode(),
                    guide.version(),
                    guide.departmentCode(),
                    guide.name(),
                    guide.promisedWorkingDays(),
                    List.copyOf(dependsOn),
                    List.copyOf(guide.deliveryOptions())));
            for (ItemVersionPublished.Material material : guide.materials()) {
                String provider = material.satisfiedByCertificateOf();
                String producer = provider != null && ancestors.contains(provider) ? provider : null;
                materials
                        .computeIfAbsent(material.code(), code -> new Builder(material))
                        .add(
                                new Requirement.Need(
                                        guide.itemCode(),
                                        material.required(),
                                        material.required() && material.key(),
                                        producer),
                                material);
            }
        }
        return new Requirements(
                List.copyOf(items),
                materials.values().stream().map(b -> b.build(certificateTypeOf)).toList());
    }

    /** The item codes, in bundle order. */
    public List<String> itemCodes() {
        return items.stream().map(PinnedItem::itemCode).toList();
    }

    public Optional<Requirement> material(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    private static final class Builder {
        private final ItemVersionPublished.Material first;
        private final List<Requirement.Need> needs = new ArrayList<>();
        private String templateUrl;
        private String certificateOf;

        Builder(ItemVersionPublished.Material first) {
            this.first = first;
        }

        void add(Requirement.Need need, ItemVersionPublished.Material material) {
            needs.add(need);
            if (templateUrl == null) {
                templateUrl = material.templateUrl();
            }
            if (certificateOf == null) {
                certificateOf = material.satisfiedByCertificateOf();
            }
        }

        Requirement build(Function<String, Optional<String>> certificateTypeOf) {
            return new Requirement(
                    first.code(),
                    first.name(),
                    templateUrl,
                    certificateOf,
                    certificateOf == null
                            ? null
                            : certificateTypeOf.apply(certificateOf).orElse(null),
                    List.copyOf(needs));
        }
    }
}
