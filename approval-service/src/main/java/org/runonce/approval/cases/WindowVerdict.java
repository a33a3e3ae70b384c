package org.runonce.approval.cases;

/**
 * A decision an authorized window clerk takes at acceptance (授权到位), on a case intake's acceptance opened.
 *
 * @param caseNumber the case
 * @param itemCode the item it must be of
 * @param departmentCode the department it must be of
 * @param outcome APPROVED or REJECTED
 * @param reason reasoning (required for a rejection)
 * @param legalBasis legal basis (required for a rejection)
 * @param clerk the window clerk
 * @param delegationId the delegation the clerk acts under
 * @param delegationNote who granted it, for the audit trail
 * @param certificate what the certificate states beyond the defaults, or null
 */
public record WindowVerdict(
        String caseNumber,
        String itemCode,
        String departmentCode,
        Status outcome,
        String reason,
        String legalBasis,
        String clerk,
        long delegationId,
        String delegationNote,
        CertificateDetails certificate) {}
