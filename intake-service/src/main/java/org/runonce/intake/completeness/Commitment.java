package org.runonce.intake.completeness;

import java.time.Instant;
import java.util.List;

/**
 * The commitment (承诺书) an applicant signed at submission for items the catalog marks for commitment approval
 * (告知承诺制): the applicant's own act, with the text as the catalog words it; the materials it replaces are not
 * required (completeness finds them {@code COMMITTED}) and reach the cases as committed.
 *
 * @param statement the text signed: each marked item's statement (Chinese, authoritative), in the items' order
 * @param signedAt when the applicant accepted it
 * @param signedBy the applicant's name as signed
 * @param takenBy the window clerk or agent who took the signature for the applicant, or null online
 * @param items each marked item with the materials the commitment replaces for it
 */
public record Commitment(String statement, Instant signedAt, String signedBy, String takenBy, List<Item> items) {

    /**
     * @param itemCode the item marked for commitment approval
     * @param version its pinned version
     * @param materials the material codes the commitment replaces for it
     */
    public record Item(String itemCode, int version, List<String> materials) {}

    public Commitment {
        items = List.copyOf(items);
    }

    /** The materials the commitment replaces for {@code itemCode}, empty when it does not cover the item. */
    public List<String> materialsOf(String itemCode) {
        return items.stream()
                .filter(i -> i.itemCode().equals(itemCode))
                .flatMap(i -> i.materials().stream())
                .toList();
    }
}
