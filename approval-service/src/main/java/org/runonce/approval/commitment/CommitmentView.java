package org.runonce.approval.commitment;

import java.time.Instant;
import java.util.List;

/**
 * A case accepted on the applicant's commitment (告知承诺制): what it replaced and the post-approval check it owes.
 *
 * @param caseNumber the case
 * @param departmentCode its department
 * @param committedMaterials the materials the commitment replaced (the case was decided without them)
 * @param statement the commitment the applicant signed
 * @param signedAt when the applicant signed it
 * @param takenBy the window clerk or agent who took the signature, or null online
 * @param check the post-approval check, once the case was approved; else null
 */
public record CommitmentView(
        String caseNumber,
        String departmentCode,
        List<String> committedMaterials,
        String statement,
        Instant signedAt,
        String takenBy,
        PostApprovalCheck check) {

    CommitmentView withCheck(PostApprovalCheck value) {
        return new CommitmentView(caseNumber, departmentCode, committedMaterials, statement, signedAt, takenBy, value);
    }
}
