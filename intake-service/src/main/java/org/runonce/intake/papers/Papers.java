package org.runonce.intake.papers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.application.Acceptance;
import org.runonce.intake.application.Application;
import org.runonce.intake.application.ApplicationSnapshot;
import org.runonce.intake.application.CaseTrack;
import org.runonce.intake.application.Channel;
import org.runonce.intake.application.Notice;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Reasons;
import org.runonce.intake.completeness.Requirement;

/**
 * What the papers say: the models the templates {@code papers/notice.xhtml} (一次性告知书) and
 * {@code papers/receipt.xhtml} (受理回执) are filled with. Every text is bilingual ({@code zh}, {@code en}): a paper
 * carries Chinese (authoritative) and English side by side, whatever the applicant's language.
 */
final class Papers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Papers() {}

    /**
     * A text in both languages.
     *
     * @param zh Chinese
     * @param en English (the Chinese when there is no English)
     */
    record Bilingual(String zh, String en) {

        Bilingual {
            zh = zh == null ? "" : zh;
            en = en == null || en.isBlank() ? zh : en;
        }

        static Bilingual of(Name name) {
            return name == null ? new Bilingual("", "") : new Bilingual(name.zh(), name.en());
        }

        /** Whether the English differs from the Chinese (worth printing twice). */
        boolean translated() {
            return !en.equals(zh);
        }

        Map<String, Object> model() {
            return Map.of("zh", zh, "en", en, "translated", translated());
        }
    }

    static Map<String, Object> notice(Application application, Notice notice, ZoneId zone, String progressUrl) {
        ApplicationSnapshot s = application.snapshot();
        Map<String, Name> itemNames =
                s.requirements().items().stream().collect(Collectors.toMap(PinnedItem::itemCode, PinnedItem::name));
        List<Map<String, Object>> rows = new ArrayList<>();
        int index = 1;
        for (Notice.Item item : notice.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", index++);
            row.put("materialCode", item.materialCode());
            row.put("reasonCode", item.reason());
            row.put("name", Bilingual.of(item.name()).model());
            row.put("key", item.key());
            row.put(
                    "reason",
                    new Bilingual(
                                    Reasons.text(item.reason(), item.expiredOn(), false),
                                    Reasons.text(item.reason(), item.expiredOn(), true))
                            .model());
            row.put(
                    "cause",
                    item.cause() == null
                            ? null
                            : new Bilingual(Texts.cause(item.cause(), false), Texts.cause(item.cause(), true)).model());
            row.put(
                    "neededBy",
                    new Bilingual(
                                    item.neededBy().stream()
                                            .map(code -> Texts.name(itemNames.get(code), false))
                                            .collect(Collectors.joining("、")),
                                    item.neededBy().stream()
                                            .map(code -> Texts.name(itemNames.get(code), true))
                                            .collect(Collectors.joining(", ")))
                            .model());
            row.put("templateUrl", item.templateUrl());
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("noticeNumber", notice.number());
        model.put("number", s.number());
        model.put("applicant", s.applicant().name());
        model.put("appliedFor", appliedFor(s).model());
        model.put("issuedAt", TIME.format(notice.issuedAt().atZone(zone)));
        model.put("second", notice.second());
        model.put("items", rows);
        model.put("pledge", notice.acceptableWithPledge());
        model.put("progressUrl", progressUrl);
        return model;
    }

    static Map<String, Object> receipt(
            Application application, Function<String, Name> departmentName, ZoneId zone, String progressUrl) {
        ApplicationSnapshot s = application.snapshot();
        Acceptance a = s.acceptance();
        Map<String, Name> itemNames =
                s.requirements().items().stream().collect(Collectors.toMap(PinnedItem::itemCode, PinnedItem::name));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (CaseTrack c : s.cases()) {
            Name department = departmentName.apply(c.departmentCode());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseNumber", c.caseNumber());
            row.put("item", Bilingual.of(itemNames.get(c.itemCode())).model());
            row.put(
                    "department",
                    (department == null ? new Bilingual(c.departmentCode(), null) : Bilingual.of(department)).model());
            row.put("workingDays", c.promisedWorkingDays());
            row.put("after", String.join(", ", c.dependsOn()));
            cases.add(row);
        }
        List<Map<String, Object>> materials = new ArrayList<>();
        for (Requirement r : s.requirements().materials()) {
            Provision p = s.provisions().get(r.code());
            Bilingual how = null;
            if (p != null && p.documentId() != null && !a.missing().contains(r.code())) {
                how = new Bilingual("电子材料", "uploaded document");
            } else if (p != null && p.certificate() != null) {
                how = new Bilingual(
                        "电子证照 " + p.certificate().number(),
                        "e-certificate " + p.certificate().number());
            } else if ((p != null && p.producedBy() != null)
                    || r.needs().stream().anyMatch(n -> n.producer() != null)) {
                how = new Bilingual("由本件前置事项结果共享，无需提交", "produced within this application");
            }
            if (how != null) {
                materials.add(Map.of("name", Bilingual.of(r.name()).model(), "how", how.model()));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("number", s.number());
        model.put("applicant", s.applicant().name());
        model.put("idNumber", masked(s.applicant().idNumber()));
        model.put("appliedFor", appliedFor(s).model());
        model.put(
                "channel",
                (s.channel() == Channel.ONLINE
                                ? new Bilingual("网上申请", "online")
                                : new Bilingual("综合窗口", "service window"))
                        .model());
        // 就近办、异地办: accepted in the number's region, handled (and its date promised) in the application's region
        String accepting = s.number().substring(0, s.number().indexOf('-'));
        model.put("acceptingRegion", accepting);
        model.put("handlingRegion", s.region());
        model.put("crossRegion", !accepting.equals(s.region()));
        model.put("acceptedAt", TIME.format(a.acceptedAt().atZone(zone)));
        model.put("promisedDate", a.promisedDate().toString());
        model.put("promisedWorkingDays", a.promisedWorkingDays());
        model.put("cases", cases);
        model.put("materials", materials);
        if (a.withDeficiencies()) {
            model.put(
                    "deficiencies",
                    Map.of(
                            "pledgeDate",
                            String.valueOf(a.pledgeDate()),
                            "materials",
                            new Bilingual(missing(s, a, false, "、"), missing(s, a, true, ", ")).model()));
        }
        model.put("progressUrl", progressUrl);
        return model;
    }

    private static String missing(ApplicationSnapshot s, Acceptance a, boolean en, String separator) {
        return a.missing().stream()
                .map(code -> s.requirements()
                        .material(code)
                        .map(r -> Texts.name(r.name(), en))
                        .orElse(code))
                .collect(Collectors.joining(separator));
    }

    private static Bilingual appliedFor(ApplicationSnapshot s) {
        if (s.bundleName() != null) {
            return Bilingual.of(s.bundleName());
        }
        return new Bilingual(
                s.requirements().items().stream()
                        .map(i -> Texts.name(i.name(), false))
                        .collect(Collectors.joining("、")),
                s.requirements().items().stream()
                        .map(i -> Texts.name(i.name(), true))
                        .collect(Collectors.joining(", ")));
    }

    /** First 6 and last 4 characters; paper travels further than the screen. */
    static String masked(String idNumber) {
        if (idNumber == null || idNumber.length() < 10) {
            return "****";
        }
        return idNumber.substring(0, 6)
                + "*".repeat(idNumber.length() - 10)
                + idNumber.substring(idNumber.length() - 4);
    }
}
