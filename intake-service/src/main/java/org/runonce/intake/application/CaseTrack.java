package org.runonce.intake.application;

import java.time.Instant;
import java.util.List;
import org.runonce.contracts.approval.CaseStatus;

/**
 * One item of an accepted application, handled by one department; intake tracks its status from the approval
 * service's case events.
 *
 * @param caseNumber {@code <applicationNumber>-NN}
 * @param itemCode the item
 * @param itemVersion the pinned item version
 * @param departmentCode the department
 * @param dependsOn case numbers it waits for
 * @param promisedWorkingDays the item's promised time limit
 * @param materials what it was opened with
 * @param status one of {@link CaseStatus}
 * @param certificateNumber the e-certificate its approval issued, or null
 * @param statusAt when the status last changed
 */
public record CaseTrack(
        String caseNumber,
        String itemCode,
        int itemVersion,
        String departmentCode,
        List<String> dependsOn,
        int promisedWorkingDays,
        List<CaseMaterial> materials,
        String status,
        String certificateNumber,
        Instant statusAt) {

    boolean decided() {
        return CaseStatus.APPROVED.equals(status) || CaseStatus.REJECTED.equals(status);
    }

    boolean isFinal() {
        return CaseStatus.isFinal(status);
    }

    CaseTrack with(CaseUpdate update) {
        return new CaseTrack(
                caseNumber,
                itemCode,
                itemVersion,
                departmentCode,
                dependsOn,
                promisedWorkingDays,
                materials,
                update.status(),
                update.certificateNumber() == null ? certificateNumber : update.certificateNumber(),
                update.at());
    }

    CaseTrack withdrawn(Instant at) {
        return with(new CaseUpdate(caseNumber, CaseStatus.WITHDRAWN, null, at));
    }

    CaseTrack withMaterials(List<CaseMaterial> newMaterials) {
        return new CaseTrack(
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
