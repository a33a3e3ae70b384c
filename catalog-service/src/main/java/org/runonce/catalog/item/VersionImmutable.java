package org.runonce.catalog.item;

import org.runonce.starter.domain.Refusal;

/** A published (or retired) version's content can never change: publish a new version instead. */
class VersionImmutable extends Refusal {

    VersionImmutable(String itemCode, int version, VersionStatus status) {
        super(
                409,
                "version-immutable",
                "Published versions are immutable",
                "item " + itemCode + " version " + version + " is " + status
                        + "; only drafts can change. Create a new draft version instead.");
        with("itemCode", itemCode).with("version", version).with("status", status.name());
    }
}
