package org.runonce.intake.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runonce.intake.completeness.Completeness;
import org.runonce.intake.completeness.MaterialState;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Requirement;
import org.runonce.intake.completeness.Requirements;

/**
 * The one-time notice rule (一次性告知): the first notice lists every deficiency at once. A later notice is only
 * issued for what no earlier one listed (a material handed in since and found deficient, or one that changed); it
 * is flagged as second, says why the earlier one could not list it, and still lists everything outstanding, so the
 * latest notice is always complete. Nothing new, no notice: never piecemeal.
 *
 * @param applicationNumber the application
 * @param requirements what its items need (names and templates of the materials)
 * @param issued the notices issued so far, oldest first
 */
record OneTimeNotice(String applicationNumber, Requirements requirements, List<Notice> issued) {

    /** The notice to issue for these deficiencies, or none when every one of them was notified before. */
    Optional<Notice> next(List<MaterialState> deficiencies, Map<String, Provision> provisions, Instant now) {
        List<Notice.Item> items = new ArrayList<>();
        boolean anythingNew = false;
        for (MaterialState deficiency : deficiencies) {
            boolean listed = issued.stream().anyMatch(n -> n.lists(deficiency.code(), deficiency.reason()));
            anythingNew |= !listed;
            String cause = null;
            if (!listed && !issued.isEmpty()) {
                Provision provision = provisions.get(deficiency.code());
                cause = provision != null && provision.noticesBefore() >= issued.size()
                        ? Notice.SUPPLIED_AFTER_NOTICE
                        : Notice.CHANGED_SINCE_NOTICE;
            }
            Requirement requirement = requirements
                    .material(deficiency.code())
                    .orElseThrow(() -> new IllegalStateException(
                            "no requirement " + deficiency.code() + " in " + applicationNumber));
            items.add(new Notice.Item(
                    deficiency.code(),
                    requirement.name(),
                    deficiency.reason(),
                    requirement.templateUrl(),
                    deficiency.key(),
                    deficiency.neededBy(),
                    deficiency.expiredOn(),
                    !listed,
                    cause,
                    null));
        }
        if (!anythingNew) {
            return Optional.empty();
        }
        int sequence = issued.size() + 1;
        return Optional.of(new Notice(
                applicationNumber + "-N" + sequence,
                sequence,
                sequence > 1,
                now,
                items,
                Completeness.pledgeable(deficiencies)));
    }
}
