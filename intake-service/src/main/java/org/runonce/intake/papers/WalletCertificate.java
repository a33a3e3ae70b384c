package org.runonce.intake.papers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.runonce.contracts.approval.CertificateClaims;
import org.runonce.contracts.catalog.Name;

/**
 * What a certificate from the holder's wallet (我的证照) says when printed: the model of {@code
 * papers/certificate.xhtml}, from the signed claims intake keeps (the template is approval's printed certificate's).
 */
final class WalletCertificate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9Xx]");

    /** Content fields the head of the paper already shows. */
    private static final Set<String> SHOWN = Set.of("holderName", "applicationNumber", "caseNumber", "departmentCode");

    /** Labels of content fields the demo items certify; any other field is printed under its own name. */
    private static final Map<String, Name> LABELS = Map.ofEntries(
            Map.entry("itemName", new Name("审批事项", "Approved item")),
            Map.entry("companyName", new Name("企业名称", "Company name")),
            Map.entry("registeredCapitalYuan", new Name("注册资本（元）", "Registered capital (yuan)")),
            Map.entry("businessScope", new Name("经营范围", "Business scope")),
            Map.entry("registeredAddress", new Name("住所", "Registered address")),
            Map.entry("address", new Name("经营场所", "Premises")),
            Map.entry("legalRepresentativeName", new Name("法定代表人", "Legal representative")));

    private WalletCertificate() {}

    static Map<String, Object> model(
            CertificateClaims c, Name title, Name department, String keyId, String verifyUrl, ZoneId zone) {
        Map<String, Object> content = c.content() == null ? Map.of() : c.content();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put(
                "title",
                Papers.Bilingual.of(title == null ? new Name("电子证照", "E-certificate") : title)
                        .model());
        model.put("number", c.certificateNumber());
        model.put("type", c.certificateType());
        model.put("holder", c.holder().name());
        model.put("holderId", masked(c.holder().idNumber()));
        model.put(
                "department",
                Papers.Bilingual.of(
                                department == null
                                        ? new Name(String.valueOf(content.get("departmentCode")), null)
                                        : department)
                        .model());
        model.put("applicationNumber", String.valueOf(content.getOrDefault("applicationNumber", "-")));
        model.put("caseNumber", String.valueOf(content.getOrDefault("caseNumber", "-")));
        model.put("issuedOn", DAY.format(c.issuedAt().atZone(zone)));
        model.put("validUntil", c.validUntil() == null ? null : DAY.format(c.validUntil()));
        model.put("status", "VALID"); // only a verified, unrevoked certificate is printed
        List<Map<String, Object>> fields = new ArrayList<>();
        content.forEach((field, value) -> {
            if (value != null && !SHOWN.contains(field)) {
                Name label = LABELS.getOrDefault(field, new Name(field, null));
                fields.add(Map.of(
                        "field", field, "label", Papers.Bilingual.of(label).model(), "value", String.valueOf(value)));
            }
        });
        model.put("fields", fields);
        model.put("verifyUrl", verifyUrl);
        model.put("keyId", keyId);
        return model;
    }

    /** A resident ID number masked; a unified social credit code, public by law, as it is. */
    static String masked(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "-";
        }
        return RESIDENT_ID.matcher(idNumber).matches() ? Papers.masked(idNumber) : idNumber;
    }
}
