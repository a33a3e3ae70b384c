package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;

/**
 * The certificate an approval issues unless the reviewer edits it: prefilled from the item's result type, the case
 * and the application form as filed, so nothing the applicant declared is keyed in again. The reviewer's edits
 * ({@link CertificateDetails}) go over it: a holder, a validity, content fields changed, added, or removed (a field
 * set to null).
 *
 * @param certificateType the item version's result type, e.g. BUSINESS_LICENCE
 * @param name the certificate's name, or null
 * @param holderName whom it is issued to: the applicant, or for a type issued to what the application creates (a
 *     business licence to the company) the form field naming it
 * @param holderIdNumber the holder's ID number or credit code (the applicant's)
 * @param content the certified fields: holder, item, application, case, department, then every form field
 * @param formFields the form fields it took, so a user interface can tell them from the defaults
 * @param validUntil last valid day, or null when it does not expire
 */
public record CertificateDraft(
        String certificateType,
        Name name,
        String holderName,
        String holderIdNumber,
        Map<String, Object> content,
        List<String> formFields,
        LocalDate validUntil) {

    /** Result types issued to an entity the application creates, with the form field that names it. */
    static final Map<String, String> HOLDER_FROM_FORM = Map.of("BUSINESS_LICENCE", "companyName");

    /** The draft for a case whose item issues {@code certificateType}, from the application's form (may be empty). */
    static CertificateDraft prefill(String certificateType, Name name, Subject s, Map<String, Object> form) {
        Applicant a = s.applicant();
        String holderName = a.name();
        String holderField = HOLDER_FROM_FORM.get(certificateType);
        if (holderField != null && form.get(holderField) instanceof String named && !named.isBlank()) {
            holderName = named;
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("holderName", holderName);
        if (s.itemName() != null) {
            content.put("itemName", s.itemName().zh());
        }
        content.put("applicationNumber", s.applicationNumber());
        content.put("caseNumber", s.number());
        content.put("departmentCode", s.departmentCode());
        List<String> formFields = new ArrayList<>();
        form.forEach((field, value) -> {
            if (value != null && !content.containsKey(field)) {
                content.put(field, value);
                formFields.add(field);
            }
        });
        return new CertificateDraft(
                certificateType,
                name,
                holderName,
                a.idNumber(),
                Collections.unmodifiableMap(content),
                List.copyOf(formFields),
                null);
    }

    /**
     * The draft with the reviewer's edits: a holder or validity given replaces the prefilled one; content fields given
     * replace or add to the prefilled ones, a field given as null removes it. The holder's name on the certificate
     * follows the holder unless the edits set it explicitly.
     */
    CertificateDraft edited(CertificateDetails edits) {
        if (edits == null) {
            return this;
        }
        String holder = edits.holderName() != null ? edits.holderName() : holderName;
        Map<String, Object> merged = new LinkedHashMap<>(content);
        merged.put("holderName", holder);
        List<String> fromForm = new ArrayList<>(formFields);
        if (edits.content() != null) {
            edits.content().forEach((field, value) -> {
                fromForm.remove(field);
                if (value == null) {
                    merged.remove(field);
                } else {
                    merged.put(field, value);
                }
            });
        }
        return new CertificateDraft(
                certificateType,
                name,
                holder,
                edits.holderIdNumber() != null ? edits.holderIdNumber() : holderIdNumber,
                Collections.unmodifiableMap(merged),
                List.copyOf(fromForm),
                edits.validUntil() != null ? edits.validUntil() : validUntil);
    }
}
