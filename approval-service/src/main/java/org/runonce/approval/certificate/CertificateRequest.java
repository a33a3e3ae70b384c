package org.runonce.approval.certificate;

import java.time.LocalDate;
import java.util.Map;
import org.runonce.contracts.approval.Holder;
import org.runonce.contracts.catalog.Name;

/**
 * What an approval asks to be certified.
 *
 * @param type certificate type of the item's result
 * @param name the certificate's name, or null
 * @param applicationNumber the application
 * @param caseNumber the approved case
 * @param itemCode the item
 * @param departmentCode the issuing department
 * @param holder whom it is issued to
 * @param content what it certifies
 * @param validUntil last valid day, or null
 * @param actor who approved
 */
public record CertificateRequest(
        String type,
        Name name,
        String applicationNumber,
        String caseNumber,
        String itemCode,
        String departmentCode,
        Holder holder,
        Map<String, Object> content,
        LocalDate validUntil,
        String actor) {}
