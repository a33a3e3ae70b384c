package org.runonce.intake.papers;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.runonce.contracts.catalog.Name;
import org.runonce.intake.application.Acceptance;
import org.runonce.intake.application.Application;
import org.runonce.intake.application.ApplicationSnapshot;
import org.runonce.intake.application.ApplicationView;
import org.runonce.intake.application.CaseTrack;
import org.runonce.intake.application.Channel;
import org.runonce.intake.application.Notice;
import org.runonce.intake.completeness.PinnedItem;
import org.runonce.intake.completeness.Provision;
import org.runonce.intake.completeness.Reasons;
import org.runonce.intake.completeness.Requirement;

/**
 * The documents an applicant downloads, as well-formed XHTML (printable, readable by any browser, parseable as XML):
 * the one-time notice (一次性告知书) and the acceptance receipt (受理回执). In the applicant's language.
 */
final class Papers {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Papers() {}

    static String notice(Application application, Notice notice, ZoneId zone) {
        ApplicationSnapshot s = application.snapshot();
        boolean en = s.applicant().english();
        Map<String, Name> itemNames =
                s.requirements().items().stream().collect(Collectors.toMap(PinnedItem::itemCode, PinnedItem::name));
        StringBuilder html =
                start(en ? "One-time notice " + notice.number() : "一次性告知书 " + notice.number(), en, "notice");
        html.append("<h1>")
                .append(en ? "One-time notice of materials to supplement" : "一次性告知书（补正材料通知）")
                .append("</h1>\n");
        facts(
                html,
                List.of(
                        en ? "Notice number" : "告知书编号",
                        notice.number(),
                        en ? "Application number" : "申请编号",
                        s.number(),
                        en ? "Applicant" : "申请人",
                        s.applicant().name(),
                        en ? "Applied for" : "申请事项",
                        appliedFor(s, en),
                        en ? "Issued" : "告知时间",
                        TIME.format(notice.issuedAt().atZone(zone))));
        if (notice.second()) {
            html.append("<p class=\"flag\" id=\"second-notice\">")
                    .append(
                            en
                                    ? "Supplementary notice: it lists only what could not be checked when the earlier"
                                            + " notice was issued, together with everything still outstanding."
                                    : "补充告知：仅告知前次告知时无法审核的问题，并列明全部尚未补正的材料。")
                    .append("</p>\n");
        }
        html.append("<p>")
                .append(
                        en
                                ? "Everything missing or deficient is listed below, all at once. Supplement online; no"
                                        + " visit is needed."
                                : "您的申请材料尚需补正，现将需要补正的全部内容一次性告知如下。可在网上补正，无需到现场。")
                .append("</p>\n<table id=\"deficiencies\">\n<thead><tr><th>#</th><th>")
                .append(en ? "Material" : "材料")
                .append("</th><th>")
                .append(en ? "Reason" : "原因")
                .append("</th><th>")
                .append(en ? "Needed by" : "所需事项")
                .append("</th><th>")
                .append(en ? "Template" : "模板")
                .append("</th></tr></thead>\n<tbody>\n");
        int row = 1;
        for (Notice.Item item : notice.items()) {
            html.append("<tr data-material=\"")
                    .append(escape(item.materialCode()))
                    .append("\" data-reason=\"")
                    .append(escape(item.reason()))
                    .append("\"><td>")
                    .append(row++)
                    .append("</td><td>")
                    .append(escape(Texts.name(item.name(), en)))
                    .append(item.key() ? (en ? " (key material)" : "（关键材料）") : "")
                    .append("</td><td>")
                    .append(escape(Reasons.text(item.reason(), item.expiredOn(), en)));
            if (item.cause() != null) {
                html.append(" <em>")
                        .append(escape(Texts.cause(item.cause(), en)))
                        .append("</em>");
            }
            html.append("</td><td>")
                    .append(escape(item.neededBy().stream()
                            .map(code -> Texts.name(itemNames.get(code), en))
                            .collect(Collectors.joining(en ? ", " : "、"))))
                    .append("</td><td>");
            if (item.templateUrl() != null) {
                html.append("<a href=\"")
                        .append(escape(item.templateUrl()))
                        .append("\">")
                        .append(en ? "download" : "下载")
                        .append("</a>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (notice.acceptableWithPledge()) {
            html.append("<p id=\"pledge\">")
                    .append(
                            en
                                    ? "Only non-key materials are missing: you may pledge a date to hand them in and be"
                                            + " accepted now (acceptance with deficiencies)."
                                    : "所缺材料均为非关键材料：您可以承诺补齐日期，先予受理（容缺受理）。")
                    .append("</p>\n");
        }
        html.append("<p>")
                .append(en ? "Supplement at: " : "补正地址：")
                .append(escape(ApplicationView.path(s.number()) + "/supplements"))
                .append("</p>\n");
        return end(html, en);
    }

    static String receipt(Application application, Function<String, Name> departmentName, ZoneId zone) {
        ApplicationSnapshot s = application.snapshot();
        Acceptance a = s.acceptance();
        boolean en = s.applicant().english();
        StringBuilder html = start(en ? "Acceptance receipt " + s.number() : "受理回执 " + s.number(), en, "receipt");
        html.append("<h1>").append(en ? "Acceptance receipt" : "受理通知书（回执）").append("</h1>\n");
        facts(
                html,
                List.of(
                        en ? "Application number" : "申请编号",
                        s.number(),
                        en ? "Applicant" : "申请人",
                        s.applicant().name(),
                        en ? "Identity number" : "证件号码",
                        masked(s.applicant().idNumber()),
                        en ? "Applied for" : "申请事项",
                        appliedFor(s, en),
                        en ? "Channel" : "受理渠道",
                        s.channel() == Channel.ONLINE ? (en ? "online" : "网上申请") : (en ? "window" : "综合窗口"),
                        en ? "Accepted" : "受理时间",
                        TIME.format(a.acceptedAt().atZone(zone)),
                        en ? "Promised completion date" : "承诺办结日期",
                        a.promisedDate().toString(),
                        en ? "Promised working days" : "承诺时限（工作日）",
                        Integer.toString(a.promisedWorkingDays())));
        html.append("<table id=\"cases\">\n<thead><tr><th>")
                .append(en ? "Case" : "子件编号")
                .append("</th><th>")
                .append(en ? "Item" : "事项")
                .append("</th><th>")
                .append(en ? "Department" : "承办部门")
                .append("</th><th>")
                .append(en ? "Working days" : "承诺时限")
                .append("</th><th>")
                .append(en ? "After" : "前置子件")
                .append("</th></tr></thead>\n<tbody>\n");
        Map<String, Name> itemNames =
                s.requirements().items().stream().collect(Collectors.toMap(PinnedItem::itemCode, PinnedItem::name));
        for (CaseTrack c : s.cases()) {
            Name department = departmentName.apply(c.departmentCode());
            html.append("<tr data-case=\"")
                    .append(escape(c.caseNumber()))
                    .append("\"><td>")
                    .append(escape(c.caseNumber()))
                    .append("</td><td>")
                    .append(escape(Texts.name(itemNames.get(c.itemCode()), en)))
                    .append("</td><td>")
                    .append(escape(department == null ? c.departmentCode() : Texts.name(department, en)))
                    .append("</td><td>")
                    .append(c.promisedWorkingDays())
                    .append("</td><td>")
                    .append(escape(String.join(", ", c.dependsOn())))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h2>")
                .append(en ? "Materials received" : "已收材料")
                .append("</h2>\n<ul id=\"materials\">\n");
        for (Requirement r : s.requirements().materials()) {
            Provision p = s.provisions().get(r.code());
            String how = null;
            if (p != null && p.documentId() != null && !a.missing().contains(r.code())) {
                how = en ? "uploaded document" : "电子材料";
            } else if (p != null && p.certificate() != null) {
                how = (en ? "e-certificate " : "电子证照 ") + p.certificate().number();
            } else if ((p != null && p.producedBy() != null)
                    || r.needs().stream().anyMatch(n -> n.producer() != null)) {
                how = en ? "produced within this application" : "由本件前置事项结果共享，无需提交";
            }
            if (how != null) {
                html.append("<li>")
                        .append(escape(Texts.name(r.name(), en)))
                        .append(": ")
                        .append(escape(how))
                        .append("</li>\n");
            }
        }
        html.append("</ul>\n");
        if (a.withDeficiencies()) {
            html.append("<p class=\"flag\" id=\"deficiencies\">")
                    .append(
                            en
                                    ? "Accepted with deficiencies. You pledged to hand in by " + a.pledgeDate() + ": "
                                    : "容缺受理。您已承诺于 " + a.pledgeDate() + " 前补齐：")
                    .append(escape(a.missing().stream()
                            .map(code -> s.requirements()
                                    .material(code)
                                    .map(r -> Texts.name(r.name(), en))
                                    .orElse(code))
                            .collect(Collectors.joining(en ? ", " : "、"))))
                    .append("</p>\n");
        }
        html.append("<p>")
                .append(
                        en
                                ? "Follow the progress of every case online. Results are delivered once for all cases."
                                : "可在网上查询各子件办理进度；办结后统一出件。")
                .append("</p>\n");
        return end(html, en);
    }

    private static String appliedFor(ApplicationSnapshot s, boolean en) {
        if (s.bundleName() != null) {
            return Texts.name(s.bundleName(), en);
        }
        return s.requirements().items().stream()
                .map(i -> Texts.name(i.name(), en))
                .collect(Collectors.joining(en ? ", " : "、"));
    }

    private static StringBuilder start(String title, boolean en, String kind) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(en ? "en" : "zh-CN")
                .append("\" xml:lang=\"")
                .append(en ? "en" : "zh-CN")
                .append("\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>")
                .append(escape(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3em}")
                .append(".flag{font-weight:bold;color:#a00}</style>\n</head>\n<body class=\"")
                .append(kind)
                .append("\">\n");
        return html;
    }

    private static void facts(StringBuilder html, List<String> labelsAndValues) {
        html.append("<dl>\n");
        for (int i = 0; i < labelsAndValues.size(); i += 2) {
            html.append("<dt>")
                    .append(escape(labelsAndValues.get(i)))
                    .append("</dt><dd>")
                    .append(escape(labelsAndValues.get(i + 1)))
                    .append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    private static String end(StringBuilder html, boolean en) {
        html.append("<footer><p>")
                .append(en ? "RunOnce one-window service. Questions or complaints: 12345." : "一窗受理 · 最多跑一次。咨询投诉：12345。")
                .append("</p></footer>\n</body>\n</html>\n");
        return html.toString();
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

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
