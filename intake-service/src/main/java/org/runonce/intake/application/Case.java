package org.runonce.intake.application;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.intake.MaterialReference;

/**
 * One item of an accepted application, handled by one department; its status follows the approval service.
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param itemCode the item
 * @param itemVersion the pinned item version
 * @param departmentCode the department
 * @param dependsOn case numbers it waits for
 * @param promisedWorkingDays the item's promised time limit
 * @param materials what it was opened with
 * @param status WAITING, PENDING, IN_REVIEW, SUPPLEMENT_REQUESTED, SUSPENDED, APPROVED, REJECTED or WITHDRAWN
 * @param certificateNumber the e-certificate its approval issued, or null
 * @param statusAt when the status last changed
 */
record Case(
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        List<String> dependsOn,
        int promisedWorkingDays,
        List<MaterialReference> materials,
        String status,
        String certificateNumber,
        Instant statusAt) {

    static final String WAITING = "WAITING";
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String WITHDRAWN = "WITHDRAWN";

    boolean decided() {
        return APPROVED.equals(status) || REJECTED.equals(status);
    }

    boolean isFinal() {
        return decided() || WITHDRAWN.equals(status);
    }

    Case withStatus(String newStatus, String certificate, Instant at) {
        return new Case(
                caseNumber,
                itemCode,
                itemVersion,
                departmentCode,
                dependsOn,
                promisedWorkingDays,
                materials,
                newStatus,
                certificate == null ? certificateNumber : certificate,
                at);
    }

    Case withMaterials(List<MaterialReference> newMaterials) {
        return new Case(
                caseNumber,
                itemCode,
                itemVersion,
                departmentCode,
                dependsOn,
                promisedWorkingDays,
                newMaterials,
                status,
                certificateNumber,
                statusAt);
    }
}
