package org.runonce.approval.cases;

import java.util.List;
import java.util.Map;

/**
 * The cases of the same application whose decision (and certificate) a case needs first: it waits, its clock not
 * started, until every one is approved, and is rejected by the system when one is not.
 *
 * @param dependsOn case numbers, in order
 */
record Prerequisites(List<String> dependsOn) {

    static final Prerequisites NONE = new Prerequisites(List.of());

    Prerequisites {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** Those not approved yet, given the status of each case that exists. */
    List<String> waitingFor(Map<String, Status> statuses) {
        return dependsOn.stream()
                .filter(d -> statuses.get(d) != Status.APPROVED)
                .toList();
    }

    boolean allApproved(Map<String, Status> statuses) {
        return waitingFor(statuses).isEmpty();
    }

    boolean isEmpty() {
        return dependsOn.isEmpty();
    }
}
