package org.runonce.approval.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.runonce.contracts.catalog.Name;
import org.runonce.contracts.intake.Applicant;
import org.runonce.starter.domain.Refusal;

/**
 * The certificate an approval issues: prefilled from the item's result type, the case and the application form as
 * filed, so nothing the applicant declared is keyed in again. The holder is the case's (the applicant, or what the
 * application creates, named in the form) and never the decider's; the decider's edits ({@link CertificateDetails})
 * may only change, add or remove (a field set to null) content fields that are not reserved, and set a validity.
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

    /**
     * Content fields the platform sets and a decider cannot: who holds it, what case it comes from, and the names of
     * claims that sit beside the content (compared without case, so {@code HolderName} is refused as well).
     */
    static final Set<String> RESERVED = Set.of(
            "holder",
            "holdername",
            "holderidnumber",
            "holdersubject",
            "idnumber",
            "unifiedsocialcreditcode",
            "itemname",
            "itemcode",
            "applicationnumber",
            "casenumber",
            "departmentcode",
            "department",
            "certificatenumber",
            "certificatetype",
            "issuer",
            "iss",
            "issuedat",
            "issuedby",
            "validfrom",
            "validuntil",
            "revoked",
            "revokedat",
            "kid",
            "keyid");

    /** A content field's name as a decider may give it. */
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** At most this many content fields edited at once, each value at most {@link #MAX_VALUE} characters as text. */
    static final int MAX_EDITS = 50;

    static final int MAX_VALUE = 2000;

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
     * The draft with the decider's edits: content fields given replace or add to the prefilled ones, a field given as
     * null removes it; a validity given replaces the prefilled one. A holder given must be the case's own (it cannot be
     * changed), and reserved fields (see {@link #RESERVED}, and the form field that names the holder) given with another
     * value than the draft's are refused: 422 {@code certificate-field-reserved} naming them, nothing issued.
     */
    CertificateDraft edited(CertificateDetails edits) {
        if (edits == null) {
            return this;
        }
        refuseHolderChange(edits);
        Map<String, Object> merged = new LinkedHashMap<>(content);
        List<String> fromForm = new ArrayList<>(formFields);
        if (edits.content() != null) {
            refuseReserved(edits.content());
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
                holderName,
                holderIdNumber,
                Collections.unmodifiableMap(merged),
                List.copyOf(fromForm),
                edits.validUntil() != null ? edits.validUntil() : validUntil);
    }

    private void refuseHolderChange(CertificateDetails edits) {
        var changed = new TreeSet<String>();
        if (edits.holderName() != null && !edits.holderName().equals(holderName)) {
            changed.add("holderName");
        }
        if (edits.holderIdNumber() != null && !edits.holderIdNumber().equals(holderIdNumber)) {
            changed.add("holderIdNumber");
        }
        if (!changed.isEmpty()) {
            throw Refusal.unprocessable(
                    "certificate-holder-from-case",
                    "Certificate holder comes from the case",
                    "the certificate is issued to the case's holder (" + holderName + "); " + String.join(", ", changed)
                            + " cannot be set by the decider");
        }
    }

    private void refuseReserved(Map<String, Object> edits) {
        if (edits.size() > MAX_EDITS) {
            throw Refusal.unprocessable(
                    "certificate-content-too-large",
                    "Certificate content too large",
                    edits.size() + " content fields edited, at most " + MAX_EDITS);
        }
        String holderField = HOLDER_FROM_FORM.get(certificateType);
        var reserved = new TreeSet<String>();
        var invalid = new TreeSet<String>();
        edits.forEach((field, value) -> {
            if (field == null || !FIELD.matcher(field).matches()) {
                invalid.add(String.valueOf(field));
            } else if (RESERVED.contains(field.toLowerCase(Locale.ROOT)) || field.equals(holderField)) {
                if (!Objects.equals(content.get(field), value)) { // restating what the case says changes nothing
                    reserved.add(field);
                }
            } else if (value != null && String.valueOf(value).length() > MAX_VALUE) {
                invalid.add(field);
            }
        });
        if (!reserved.isEmpty()) {
            throw Refusal.unprocessable(
                    "certificate-field-reserved",
                    "Reserved certificate field",
                    "set by the platform from the case, not by the decider: " + String.join(", ", reserved));
        }
        if (!invalid.isEmpty()) {
            throw Refusal.unprocessable(
                    "certificate-content-invalid",
                    "Invalid certificate content",
                    "field names are letters, digits and _ (at most 64), values at most " + MAX_VALUE + " characters: "
                            + String.join(", ", invalid));
        }
    }
}
