package org.runonce.approval.papers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.runonce.approval.certificate.Certificate;
import org.runonce.contracts.catalog.Name;

/**
 * What a printed e-certificate says: the model the template {@code papers/certificate.xhtml} is filled with, every
 * label in Chinese and English. The certified content is printed field by field; fields the template already shows
 * (holder, application, case, department) are not repeated.
 */
final class CertificatePaper {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

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
            Map.entry("legalRepresentativeName", new Name("法定代表人", "Legal representative")),
            Map.entry("childName", new Name("新生儿姓名", "Child's name")),
            Map.entry("birthDate", new Name("出生日期", "Date of birth")),
            Map.entry("propertyAddress", new Name("不动产坐落", "Property location")));

    private static final Pattern RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9Xx]");

    private CertificatePaper() {}

    static Map<String, Object> model(Certificate c, Name department, String verifyUrl, LocalDate today, ZoneId zone) {
        Map<String, Object> model = new LinkedHashMap<>();
        Name title = c.name() == null ? new Name("电子证照", "E-certificate") : c.name();
        model.put("title", bilingual(title));
        model.put("number", c.number());
        model.put("type", c.type());
        model.put("holder", c.holder().name());
        model.put("holderId", masked(c.holder().idNumber()));
        model.put("department", bilingual(department == null ? new Name(c.departmentCode(), null) : department));
        model.put("applicationNumber", c.applicationNumber());
        model.put("caseNumber", c.caseNumber());
        model.put("issuedOn", DAY.format(c.issuedAt().atZone(zone)));
        model.put("validUntil", c.validUntil() == null ? null : DAY.format(c.validUntil()));
        model.put("status", c.revoked() ? "REVOKED" : c.expiredOn(today) ? "EXPIRED" : "VALID");
        List<Map<String, Object>> fields = new ArrayList<>();
        c.content().forEach((field, value) -> {
            if (value != null && !SHOWN.contains(field)) {
                Name label = LABELS.getOrDefault(field, new Name(field, null));
                fields.add(Map.of("field", field, "label", bilingual(label), "value", String.valueOf(value)));
            }
        });
        model.put("fields", fields);
        model.put("verifyUrl", verifyUrl);
        model.put("keyId", c.keyId());
        return model;
    }

    private static Map<String, Object> bilingual(Name name) {
        String zh = name.zh() == null ? "" : name.zh();
        String en = name.en() == null || name.en().isBlank() ? zh : name.en();
        return Map.of("zh", zh, "en", en, "translated", !en.equals(zh));
    }

    /**
     * A resident ID number masked (first 6 and last 4 characters; paper travels further than the screen); a unified
     * social credit code, public by law, as it is.
     */
    static String masked(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "-";
        }
        if (!RESIDENT_ID.matcher(idNumber).matches()) {
            return idNumber;
        }
        return idNumber.substring(0, 6)
                + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }
}
