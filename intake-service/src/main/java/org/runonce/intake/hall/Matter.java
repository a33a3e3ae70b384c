package org.runonce.intake.hall;

/** What an appointment is for: one item, or one bundle ("one thing", 一件事). */
public record Matter(String itemCode, String bundleCode) {

    public Matter {
        if ((itemCode == null) == (bundleCode == null)) {
            throw new IllegalArgumentException("an item code or a bundle code, not both");
        }
    }

    boolean isBundle() {
        return bundleCode != null;
    }

    String code() {
        return isBundle() ? bundleCode : itemCode;
    }
}
