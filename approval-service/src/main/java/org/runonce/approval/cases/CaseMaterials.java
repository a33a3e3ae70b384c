package org.runonce.approval.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runonce.contracts.intake.MaterialReference;

/**
 * What a case has to decide on: documents and certificates handed in at intake (at acceptance or later), and the
 * certificates of the cases it depended on, attached when they were approved.
 */
final class CaseMaterials {

    private final List<Material> materials;
    private boolean changed;

    /**
     * A material of the case.
     *
     * @param id its row, or null until saved
     * @param reference the document, certificate or case that stands for it
     * @param attachedAt when it was added to the case
     */
    record Material(Long id, MaterialReference reference, Instant attachedAt) {

        String code() {
            return reference.code();
        }

        Material withCertificate(String certificateNumber) {
            return new Material(
                    id,
                    new MaterialReference(
                            reference.code(), reference.documentId(), certificateNumber, reference.producedByCase()),
                    attachedAt);
        }
    }

    CaseMaterials(List<Material> materials) {
        this.materials = new ArrayList<>(materials);
    }

    void add(List<MaterialReference> references, Instant now) {
        references.forEach(r -> materials.add(new Material(null, r, now)));
        changed |= !references.isEmpty();
    }

    /**
     * Puts the certificate case {@code producedBy} issued on the materials that waited for it; when none did (the
     * case needed the decision, not a listed material) adds it as {@code fallbackCode}. Returns the codes it stands
     * for.
     */
    List<String> attachCertificate(String producedBy, String certificateNumber, String fallbackCode, Instant now) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            var m = materials.get(i);
            if (producedBy.equals(m.reference().producedByCase())
                    && m.reference().certificateNumber() == null) {
                materials.set(i, m.withCertificate(certificateNumber));
                codes.add(m.code());
            }
        }
        if (codes.isEmpty()) {
            materials.add(
                    new Material(null, new MaterialReference(fallbackCode, null, certificateNumber, producedBy), now));
            codes.add(fallbackCode);
        }
        changed = true;
        return codes;
    }

    /** The material handed in last under {@code code}. */
    Optional<Material> latest(String code) {
        return materials.stream().filter(m -> m.code().equals(code)).reduce((first, second) -> second);
    }

    boolean hasCertificate(String certificateNumber) {
        return materials.stream()
                .anyMatch(m -> certificateNumber.equals(m.reference().certificateNumber()));
    }

    List<Material> all() {
        return List.copyOf(materials);
    }

    /** After saving: the row of the material at {@code index}. */
    void saved(int index, long id) {
        var m = materials.get(index);
        materials.set(index, new Material(id, m.reference(), m.attachedAt()));
    }

    boolean changed() {
        return changed;
    }
}
