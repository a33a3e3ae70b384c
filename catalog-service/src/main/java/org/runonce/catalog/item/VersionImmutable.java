package org.runonce.catalog.item;

import java.util.Map;
import org.runonce.catalog.shared.Refusal;

/** A published (or retired) version's content can never change: publish a new version instead. */
public class VersionImmutable extends Refusal {

    VersionImmutable(String itemCode, int version, VersionStatus status) {
        super(
                409,
                "version-immutable",
                "Published versions are immutable",
                "item " + itemCode + " version " + version + " is " + status
                        + "; only drafts can change. Create a new draft version instead.",
                Map.of("itemCode", itemCode, "version", version, "status", status.name()));
    }
}
